import type { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import fastify from 'fastify';

import type { BookCache } from './book-cache';
import { CACHED_BOOK_READ, CachedBookReadHook } from './cached-book-read.hook';

const CACHED_ID = '665f1c2e8b3a4d0012345678';
const CACHED_JSON = '{"id":"665f1c2e8b3a4d0012345678","title":"cached"}';

/** A Fastify app with the hook, an onRequest header and a metrics-like onResponse hook. */
async function app(): Promise<{ server: FastifyInstance; handled: string[]; responded: number[] }> {
  const server = fastify();
  const handled: string[] = [];
  const responded: number[] = [];
  server.addHook('onRequest', (_request, reply, done) => {
    void reply.header('x-frame-options', 'DENY');
    done();
  });
  server.addHook('onResponse', (_request, reply, done) => {
    responded.push(reply.statusCode);
    done();
  });
  const books = { peekJson: (id: string) => (id === CACHED_ID ? CACHED_JSON : undefined) };
  const host = { httpAdapter: { getInstance: () => server } } as unknown as HttpAdapterHost;
  new CachedBookReadHook(host, books as BookCache, { LOG_LEVEL: 'info' }).onModuleInit();
  server.get('/books/:id', { config: CACHED_BOOK_READ }, async (request) => {
    handled.push((request.params as { id: string }).id);
    return { from: 'handler' };
  });
  server.get('/other/:id', async () => ({ from: 'other' }));
  await server.ready();
  return { server, handled, responded };
}

describe('CachedBookReadHook', () => {
  it('answers a cached book before the handler, after the onRequest hooks and before onResponse', async () => {
    const { server, handled, responded } = await app();
    const res = await server.inject({ method: 'GET', url: `/books/${CACHED_ID.toUpperCase()}` });
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe(CACHED_JSON);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(handled).toEqual([]);
    expect(responded).toEqual([200]);
    await server.close();
  });

  it('leaves a miss, a malformed id and other routes to their handlers', async () => {
    const { server, handled } = await app();
    const miss = await server.inject({ method: 'GET', url: '/books/0123456789abcdef01234567' });
    const malformed = await server.inject({ method: 'GET', url: '/books/not-an-id' });
    const other = await server.inject({ method: 'GET', url: `/other/${CACHED_ID}` });
    expect([miss.json(), malformed.json(), other.json()]).toEqual([
      { from: 'handler' },
      { from: 'handler' },
      { from: 'other' },
    ]);
    expect(handled).toEqual(['0123456789abcdef01234567', 'not-an-id']);
    await server.close();
  });
});
