import { randomUUID } from 'node:crypto';

import type { RpcRequest, ServiceName } from '@bookstore/shared/contracts';
import { messagesHandled, RequestContext, RpcErrorFilter } from '@bookstore/shared/platform';
import type { INestMicroservice } from '@nestjs/common';
import { Controller, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { MessagePattern, Payload } from '@nestjs/microservices';
import type { ChannelModel } from 'amqplib';
import { connect } from 'amqplib';

import { InFlightTracker } from '../consuming/in-flight.tracker';
import { MessageAckInterceptor } from '../consuming/message-ack.interceptor';
import { RpcClient } from '../rpc/rpc-client';
import { rpcServerOptions } from '../topology/rmq-options';
import { serviceQueues } from '../topology/service-queues';

const AMQP_URLS = (process.env['AMQP_URL'] ?? 'amqp://guest:guest@127.0.0.1:5672').split(',');
// Not one of the real services: its own queue, bound under its own routing keys.
const service = `it-deadline-${randomUUID().slice(0, 8)}` as ServiceName;
const WORK = `${service}.work`;
const TWO_STEPS = `${service}.two-steps`;

interface Work {
  tag: string;
  /** Holds the consumer's event loop this long, as a stalled process (GC pause, starved CPU) would. */
  stallMs?: number;
  /** For TWO_STEPS: how long the first step (a read) takes before the write. */
  readMs?: number;
}

/** What took effect: one entry per write a handler made. */
const effects: string[] = [];

@Controller()
class DeadlineTestController {
  @MessagePattern(WORK)
  work(@Payload() request: RpcRequest<Work>): string {
    const { tag, stallMs = 0 } = request.payload;
    const until = Date.now() + stallMs;
    while (Date.now() < until) {
      // busy: nothing else in this process runs, deliveries wait in the socket
    }
    effects.push(tag);
    return tag;
  }

  @MessagePattern(TWO_STEPS)
  async twoSteps(@Payload() request: RpcRequest<Work>): Promise<string> {
    const { tag, readMs = 0 } = request.payload;
    await new Promise((resolve) => setTimeout(resolve, readMs));
    RequestContext.assertWithinDeadline();
    effects.push(tag);
    return tag;
  }
}

@Module({ controllers: [DeadlineTestController] })
class DeadlineTestModule {}

async function expired(pattern: string): Promise<number> {
  const metric = await messagesHandled.get();
  const sample = metric.values.find(
    (value) => value.labels['pattern'] === pattern && value.labels['outcome'] === 'expired',
  );
  return sample?.value ?? 0;
}

async function waitFor(condition: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Against the real RabbitMQ that `npm test` starts: the service wired as `runService` wires it. */
describe('request deadlines over RabbitMQ', () => {
  let app: INestMicroservice;
  let connection: ChannelModel;
  const client = new RpcClient(AMQP_URLS, 5000);

  beforeAll(async () => {
    connection = await connect(AMQP_URLS[0]);
    app = await NestFactory.createMicroservice(DeadlineTestModule, {
      ...rpcServerOptions(AMQP_URLS, service, 10),
      logger: false,
    });
    app.useGlobalInterceptors(new MessageAckInterceptor(service, new InFlightTracker()));
    app.useGlobalFilters(new RpcErrorFilter());
    await app.listen();
    // Connected and warm: the requests below leave at once, back to back.
    await client.send(service, WORK, { tag: 'warm-up' });
  });

  beforeEach(() => {
    effects.length = 0;
  });

  afterAll(async () => {
    // A round trip behind the refusals' error replies: closing with one still unsent fails the close.
    await client.send(service, WORK, { tag: 'drain' });
    // The assertions are above; Nest's ServerRMQ.close still rejects "Channel closed" now and then
    // when the broker closed the channel first (seen on a loaded machine): teardown must not fail.
    await app.close().catch(() => undefined);
    await client.onApplicationShutdown();
    const channel = await connection.createChannel();
    await channel.deleteQueue(serviceQueues(service).rpc);
    await connection.close();
  });

  it('refuses a request delivered in time but reached after its deadline, and runs one within it', async () => {
    // Both are delivered at once (prefetch 10); the first stalls the consumer for 1.5 s, so the
    // second, with 300 ms to live, is read from the socket after its caller gave up. The broker's
    // expiration cannot drop it any more: only the service's own check can.
    const inTime = client.send(service, WORK, { tag: 'in-time', stallMs: 1500 });
    const late = client.send(service, WORK, { tag: 'late' }, { timeoutMs: 300 });

    await expect(late).rejects.toMatchObject({ code: 'UPSTREAM.TIMEOUT' });
    await expect(inTime).resolves.toBe('in-time');
    await waitFor(async () => (await expired(WORK)) === 1);
    expect(effects).toEqual(['in-time']);
  });

  it('lets a handler refuse, before its write, a request whose deadline passed during its read', async () => {
    const late = client.send(service, TWO_STEPS, { tag: 'slow-read', readMs: 600 }, { timeoutMs: 300 });
    const inTime = client.send(service, TWO_STEPS, { tag: 'quick-read', readMs: 50 }, { timeoutMs: 3000 });

    await expect(late).rejects.toMatchObject({ code: 'UPSTREAM.TIMEOUT' });
    await expect(inTime).resolves.toBe('quick-read');
    await waitFor(async () => (await expired(TWO_STEPS)) === 1);
    expect(effects).toEqual(['quick-read']);
  });

  it('gives a call made while handling a request no more time than that request has left', async () => {
    const refusedBefore = await expired(TWO_STEPS);
    const started = Date.now();
    const nested = RequestContext.run({ correlationId: randomUUID(), deadline: started + 400 }, () =>
      client.send(service, TWO_STEPS, { tag: 'nested', readMs: 800 }),
    );
    await expect(nested).rejects.toMatchObject({ code: 'UPSTREAM.TIMEOUT' });
    // Its own default is 5 s: it waited only what the outer request had left, and the service
    // got that deadline too, so it refused to write once its read outlasted it.
    expect(Date.now() - started).toBeLessThan(1500);
    await waitFor(async () => (await expired(TWO_STEPS)) === refusedBefore + 1);
    expect(effects).not.toContain('nested');

    const outOfTime = RequestContext.run({ correlationId: randomUUID(), deadline: Date.now() - 1 }, () =>
      client.send(service, WORK, { tag: 'never-sent' }),
    );
    await expect(outOfTime).rejects.toMatchObject({ code: 'REQUEST.DEADLINE_EXCEEDED' });
  });
});
