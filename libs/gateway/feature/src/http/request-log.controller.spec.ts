import { Writable } from 'node:stream';

import type { LogLevelName } from '@bookstore/shared/platform';
import { createServiceLogger, loadConfig } from '@bookstore/shared/platform';

import { GatewayConfig } from '../config/gateway.config';
import { gatewayHttpAdapter } from './configure-http';
import { CORRELATION_HEADER, correlationIdHook } from './correlation-id';

/** Serves one request on the gateway's real Fastify adapter and returns the lines logged. */
async function linesFor(level: LogLevelName, url: string, fail = false): Promise<Record<string, unknown>[]> {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  const logger = createServiceLogger({ service: 'gateway', level, destination });
  const fastify = gatewayHttpAdapter(loadConfig(GatewayConfig, {}), logger).getInstance();
  fastify.addHook('onRequest', correlationIdHook);
  fastify.get('/books/:id', async () => {
    if (fail) throw new Error('boom');
    return { ok: true };
  });
  try {
    await fastify.inject({ method: 'GET', url, headers: { [CORRELATION_HEADER]: 'corr-42' } });
  } finally {
    await fastify.close();
  }
  return lines.filter((line) => line['correlationId'] === 'corr-42');
}

describe('the gateway request log', () => {
  it('writes nothing per request at info: the hot read pays nothing', async () => {
    expect(await linesFor('info', '/books/7')).toEqual([]);
  });

  it('writes one line per request at debug, through the service logger, without the query', async () => {
    expect(await linesFor('debug', '/books/7?token=secret-in-query')).toEqual([
      expect.objectContaining({
        level: 'debug',
        service: 'gateway',
        msg: 'request completed',
        correlationId: 'corr-42',
        method: 'GET',
        route: '/books/:id',
        url: '/books/7',
        statusCode: 200,
        responseTime: expect.any(Number),
      }),
    ]);
  });

  it('writes a failed request at error, at any level', async () => {
    const lines = await linesFor('warn', '/books/7', true);
    expect(lines).toEqual([
      expect.objectContaining({
        level: 'error',
        msg: 'boom',
        statusCode: 500,
        route: '/books/:id',
      }),
    ]);
  });
});
