import type { OnApplicationShutdown } from '@nestjs/common';
import { Logger } from '@nestjs/common';
import { propagation, ROOT_CONTEXT, SpanKind, trace } from '@opentelemetry/api';
import type { AmqpConnectionManager, ChannelWrapper } from 'amqp-connection-manager';
import { connect } from 'amqp-connection-manager';
import type { ConfirmChannel, ConsumeMessage } from 'amqplib';

import { ATTEMPTS_HEADER, OUTAGES_HEADER } from '../consuming/rmq-message';
import { REQUEUE_EXCHANGE } from '../topology/messaging.constants';
import { serviceQueues } from '../topology/service-queues';
import type { ParkedMessage } from './parked-message';
import { parkedMessageOf } from './parked-message';

/** Parked messages moved at once; each is acked only after it was stored. */
const PREFETCH = 8;
const REPLAY_TIMEOUT_MS = 5000;

/** Headers of the failed run that a replay leaves behind, so the message starts with every attempt. */
const RUN_HEADERS = [ATTEMPTS_HEADER, OUTAGES_HEADER, 'x-failure-reason', 'x-death'];

/**
 * A service's dead-letter queue as seen by the operator tooling: `consume` hands every parked
 * message to `store` (e.g. a MongoDB collection) and acks it only once `store` resolved, so a
 * crash re-delivers it (the store must be idempotent); `replay` sends a parked message back to the
 * service's OWN events queue (not the topic exchange: the other subscribers handled it already),
 * confirmed by the broker, without the headers that counted its failed attempts.
 */
export class DeadLetterQueue implements OnApplicationShutdown {
  private readonly logger = new Logger('DeadLetters');
  private readonly connection: AmqpConnectionManager;
  private readonly channel: ChannelWrapper;
  private readonly queues: ReturnType<typeof serviceQueues>;

  constructor(
    private readonly service: string,
    amqpUrls: readonly string[],
    private readonly store: (parked: ParkedMessage) => Promise<void>,
  ) {
    this.queues = serviceQueues(service);
    this.connection = connect([...amqpUrls], { heartbeatIntervalInSeconds: 5, reconnectTimeInSeconds: 1 });
    this.connection.on('connectFailed', () => undefined);
    this.channel = this.connection.createChannel({
      json: false,
      confirm: true,
      publishTimeout: REPLAY_TIMEOUT_MS,
      // The queue itself is declared by declareTopology before the service starts.
      setup: async (channel: ConfirmChannel) => {
        await channel.prefetch(PREFETCH);
        await channel.consume(
          this.queues.deadLetter,
          (message) => message && void this.move(channel, message),
        );
      },
    });
  }

  /** Publishes the parked message to the events queue again; resolves once the broker confirmed it. */
  async replay(parked: ParkedMessage): Promise<void> {
    const headers = Object.fromEntries(
      Object.entries(parked.headers).filter(([name]) => !RUN_HEADERS.includes(name)),
    );
    const replays = Number(parked.headers['x-replays']);
    // The replay belongs to the operator's request (its trace); it links to the trace the message
    // failed in, so the viewer leads from one to the other. Its publish carries the replay's context.
    const failedIn = trace.getSpanContext(propagation.extract(ROOT_CONTEXT, parked.headers));
    await tracer().startActiveSpan(
      `${parked.type} replay`,
      { kind: SpanKind.INTERNAL, links: failedIn ? [{ context: failedIn }] : [] },
      (span) =>
        // Through the requeue exchange, routing key = the events queue (no write on the default exchange).
        this.channel
          .publish(REQUEUE_EXCHANGE, this.queues.events, parked.content, {
            persistent: true,
            messageId: parked.messageId,
            type: parked.type,
            contentType: parked.contentType,
            headers: { ...headers, 'x-replays': (Number.isInteger(replays) ? replays : 0) + 1 },
            timeout: REPLAY_TIMEOUT_MS,
          })
          .finally(() => span.end()),
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await this.channel.close().catch(() => undefined);
    await this.connection.close().catch(() => undefined);
  }

  private async move(channel: ConfirmChannel, message: ConsumeMessage): Promise<void> {
    try {
      await this.store(parkedMessageOf(this.service, this.queues.deadLetter, message));
      channel.ack(message);
    } catch (error) {
      this.logger.warn({ msg: 'parked message not stored; it stays queued', error: String(error) });
      // Back to the queue after a pause (an immediate requeue would spin while MongoDB is down).
      setTimeout(() => {
        try {
          channel.nack(message, false, true);
        } catch {
          // channel closed: the broker re-delivers it anyway
        }
      }, 1000).unref();
    }
  }
}

function tracer() {
  return trace.getTracer('@bookstore/shared/messaging');
}
