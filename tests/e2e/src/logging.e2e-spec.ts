/**
 * Logs through pino (issue 14, item 4), read where operators read them: the running services' log
 * files (.infra/log/system-<SYSTEM_TAG>/<app>.log, stdout of each app). A poison event published
 * with a correlation id and a W3C traceparent is dead-lettered by orders, which logs it at error;
 * that line must carry the service, the level's name, an ISO time, the correlation id, and the
 * trace and span ids of the consumer's span, which continues the message's trace. It must reach
 * the file within seconds while the service keeps running (asynchronous writes are flushed
 * periodically, not only at exit).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import { STOCK_REJECTED } from '@bookstore/shared/contracts';
import { EVENTS_EXCHANGE } from '@bookstore/shared/messaging';
import { api, eventually, loginAdmin } from '@bookstore/shared/testing';
import { connect } from 'amqplib';

const AMQP_URL = process.env['AMQP_URL'] ?? 'amqp://guest:guest@127.0.0.1:5672';
const LOG_DIR = resolve(__dirname, '../../../.infra/log', `system-${process.env['SYSTEM_TAG'] ?? 'default'}`);

type LogLine = Record<string, unknown>;

/** The JSON lines of an app's log file that carry `correlationId`. */
function linesOf(app: string, correlationId: string): LogLine[] {
  const file = resolve(LOG_DIR, `${app}.log`);
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.includes(correlationId))
    .map((line) => JSON.parse(line) as LogLine);
}

describe('logs through pino', () => {
  let admin: string;
  const parked: string[] = [];

  beforeAll(async () => {
    admin = await loginAdmin();
  });

  afterAll(async () => {
    for (const id of parked) await api('DELETE', `/api/v1/admin/dead-letters/${id}`, { token: admin });
  });

  it('writes a handler failure with the service, level, time, correlation id and trace ids', async () => {
    expect(existsSync(resolve(LOG_DIR, 'orders.log'))).toBe(true);
    const correlationId = `logging-${randomUUID()}`;
    const messageId = randomUUID();
    const traceId = randomBytes(16).toString('hex');
    const connection = await connect(AMQP_URL);
    try {
      const channel = await connection.createConfirmChannel();
      // Nest's wire format with an envelope that fails validation: poison, dead-lettered at once.
      const packet = {
        pattern: STOCK_REJECTED,
        data: { type: STOCK_REJECTED, correlationId, payload: { orderId: 42 } },
      };
      channel.publish(EVENTS_EXCHANGE, STOCK_REJECTED, Buffer.from(JSON.stringify(packet)), {
        persistent: true,
        messageId,
        contentType: 'application/json',
        headers: {
          'x-correlation-id': correlationId,
          traceparent: `00-${traceId}-${randomBytes(8).toString('hex')}-01`,
        },
      });
      await channel.waitForConfirms();
    } finally {
      await connection.close();
    }
    parked.push(`orders.${messageId}`);

    const lines = await eventually(
      async () => linesOf('orders', correlationId),
      (found) => found.some((line) => line['msg'] === 'event dead-lettered'),
      { timeoutMs: 20_000, intervalMs: 250 },
    );
    const deadLettered = lines.find((line) => line['msg'] === 'event dead-lettered');
    expect(deadLettered).toEqual(
      expect.objectContaining({
        level: 'error',
        time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
        service: 'orders',
        correlationId,
        // The consumer span continues the trace of the traceparent the message came with.
        traceId,
        spanId: expect.stringMatching(/^[0-9a-f]{16}$/),
        pattern: STOCK_REJECTED,
      }),
    );
    // Every line of this message is one JSON object in the same shape.
    for (const line of lines) expect(line).toMatchObject({ service: 'orders', correlationId });
  }, 40_000);
});
