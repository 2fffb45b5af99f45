import { randomUUID } from 'node:crypto';

import { api, eventually, unique, uniqueEmail } from '@bookstore/shared/testing';
import type { ConsumeMessage } from 'amqplib';
import { connect } from 'amqplib';

const AMQP_URL = process.env['AMQP_URL'] ?? 'amqp://guest:guest@127.0.0.1:5672';

describe('platform through the gateway', () => {
  it('reports every service ready over RabbitMQ, and Redis', async () => {
    const res = await api('GET', '/api/v1/health');
    expect(res.status).toBe(200);
    for (const part of ['auth', 'catalog', 'orders', 'notifications', 'redis']) {
      expect(res.body.details[part].status).toBe('up');
    }
  });

  it("keeps answering past the consumers' prefetch window (every request message is acked)", async () => {
    // 40 rounds x 4 services = 160 requests, well past a prefetch of 32 unacked messages per consumer.
    for (let round = 0; round < 40; round++) {
      const res = await api('GET', '/api/v1/health');
      expect(res.status).toBe(200);
    }
  });

  it('echoes a sane client correlation id and generates one otherwise', async () => {
    const echoed = await api('GET', '/api/v1/health', { headers: { 'x-correlation-id': 'e2e-trace-123' } });
    expect(echoed.headers.get('x-correlation-id')).toBe('e2e-trace-123');
    const generated = await api('GET', '/api/v1/health', {
      headers: { 'x-correlation-id': 'bad id with spaces' },
    });
    expect(generated.headers.get('x-correlation-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers unknown routes with the shared error shape', async () => {
    const res = await api('GET', '/api/v1/no-such-route', { headers: { 'x-correlation-id': 'e2e-404' } });
    expect(res.status).toBe(404);
    expect(res.body).toEqual({
      statusCode: 404,
      error: 'Not Found',
      message: expect.any(String),
      correlationId: 'e2e-404',
    });
  });

  it("carries the client's correlation id through a request with a body into the event it causes", async () => {
    const connection = await connect(AMQP_URL);
    try {
      const channel = await connection.createChannel();
      const { queue } = await channel.assertQueue(`e2e.platform.${randomUUID()}`, { exclusive: true });
      await channel.bindQueue(queue, 'bookstore.events', 'user.registered.*');
      const seen: { correlationId: string; payload: { email: string } }[] = [];
      await channel.consume(
        queue,
        (message: ConsumeMessage | null) => {
          if (message) seen.push(JSON.parse(message.content.toString()).data);
        },
        { noAck: true },
      );
      const correlationId = unique('e2e-trace');
      const email = uniqueEmail();
      const res = await api('POST', '/api/v1/auth/register', {
        body: { email, password: 'Str0ng-Passw0rd!', name: 'Trace' },
        headers: { 'x-correlation-id': correlationId },
      });
      expect(res.status).toBe(201);
      const event = await eventually(
        async () => seen.find((envelope) => envelope.payload.email === email),
        (found) => found !== undefined,
        { timeoutMs: 10_000 },
      );
      expect(event?.correlationId).toBe(correlationId);
    } finally {
      await connection.close();
    }
  });

  it('rejects malformed JSON with 400 and bodies over 100 kB with 413, in the shared shape', async () => {
    // A route that exists: Fastify reads no body for a path it does not serve (that is a 404).
    const malformed = await api('POST', '/api/v1/auth/login', { raw: '{"broken"' });
    expect(malformed.status).toBe(400);
    expect(malformed.body.correlationId).toEqual(expect.any(String));
    const huge = await api('POST', '/api/v1/auth/login', {
      raw: JSON.stringify({ blob: 'x'.repeat(110_000) }),
    });
    expect(huge.status).toBe(413);
    expect(huge.body).toMatchObject({ statusCode: 413, error: 'Payload Too Large' });
  });

  it('serves the OpenAPI document and Swagger UI', async () => {
    const doc = await api('GET', '/docs-json');
    expect(doc.status).toBe(200);
    expect(doc.body.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.body.paths)).toContain('/api/v1/health');
    const ui = await api('GET', '/docs');
    expect(ui.status).toBe(200);
    expect(String(ui.body)).toContain('swagger');
  });

  it('sets security headers', async () => {
    const res = await api('GET', '/api/v1/health');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-powered-by')).toBeNull();
    // JSON answers: nothing may run in them or frame them; the Swagger UI page gets helmet's page policy.
    expect(res.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(res.headers.get('strict-transport-security')).toContain('max-age=');
    const page = await api('GET', '/docs');
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
  });
});
