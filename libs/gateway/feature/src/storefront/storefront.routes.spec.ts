import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { FastifyInstance, FastifyReply } from 'fastify';
import Fastify from 'fastify';

import { STOREFRONT_SECURITY_HEADERS } from '../http/security-headers';
import { STOREFRONT_NOT_BUILT, storefrontRoutes } from './storefront.routes';

const HTML = 'text/html,application/xhtml+xml,*/*;q=0.8';
const LONG_ID = 'a'.repeat(40);

/**
 * The storefront plugin on a bare Fastify beside an API route, with a not-found handler and router
 * refusals of its own: what the gateway's Nest adapter gives it, without Nest.
 */
async function server(dir: string): Promise<FastifyInstance> {
  const fastify = Fastify({
    maxParamLength: 24,
    frameworkErrors: (error, _request, reply: FastifyReply) =>
      void reply.code(404).send({ refused: error.code }),
  });
  fastify.addHook('onRequest', (request, _reply, done) => {
    (request as { correlationId?: string }).correlationId = 'cid-1';
    done();
  });
  fastify.get('/api/v1/books/:id', async (request) => ({ id: (request.params as { id: string }).id }));
  fastify.setNotFoundHandler((request, reply) => void reply.code(404).send({ notFound: request.url }));
  await fastify.register(storefrontRoutes, { dir });
  await fastify.ready();
  return fastify;
}

describe('storefrontRoutes', () => {
  let dir: string;
  let fastify: FastifyInstance;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'storefront-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Bookstore</title>');
    writeFileSync(join(dir, 'assets', 'index-abc123.js'), 'console.log(1)');
    writeFileSync(join(dir, 'robots.txt'), 'User-agent: *');
    fastify = await server(dir);
  });

  afterAll(async () => {
    await fastify.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers / with index.html, revalidated on every load, with the storefront headers', async () => {
    const res = await fastify.inject({ url: '/' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.body).toContain('<title>Bookstore</title>');
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.headers['etag']).toBeDefined();
    for (const [name, value] of Object.entries(STOREFRONT_SECURITY_HEADERS))
      expect(res.headers[name]).toBe(value);
    expect(res.headers['content-security-policy']).not.toContain('unsafe-inline');
  });

  it('answers a deep link a browser asks for with index.html, and other clients with the 404', async () => {
    const page = await fastify.inject({ url: '/books/6650f0c2a1b2c3d4e5f60718', headers: { accept: HTML } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<title>Bookstore</title>');
    const json = await fastify.inject({ url: '/books/123', headers: { accept: 'application/json' } });
    expect(json.json()).toEqual({ notFound: '/books/123' });
  });

  it('caches content-hashed assets for a year; a missing file is the 404, never index.html', async () => {
    const asset = await fastify.inject({ url: '/assets/index-abc123.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect((await fastify.inject({ url: '/robots.txt' })).headers['cache-control']).toBe('no-cache');
    const missing = await fastify.inject({ url: '/assets/index-old999.js', headers: { accept: HTML } });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toEqual({ notFound: '/assets/index-old999.js' });
    expect(missing.headers['cache-control']).toBeUndefined();
  });

  it('leaves /api and /docs alone: their unknown paths and the router refusals answer as before', async () => {
    expect((await fastify.inject({ url: '/api/v1/books/42' })).json()).toEqual({ id: '42' });
    const unknown = await fastify.inject({ url: '/api/v1/nope', headers: { accept: HTML } });
    expect(unknown.json()).toEqual({ notFound: '/api/v1/nope' });
    expect((await fastify.inject({ url: '/docs/nope', headers: { accept: HTML } })).json()).toEqual({
      notFound: '/docs/nope',
    });
    // Without the route constraint the router would back off to the storefront's catch-all here.
    const tooLong = await fastify.inject({ url: `/api/v1/books/${LONG_ID}`, headers: { accept: HTML } });
    expect(tooLong.json()).toEqual({ refused: 'FST_ERR_MAX_PARAM_LENGTH' });
  });

  it('refuses a path that climbs out of the build in the shared error shape', async () => {
    const res = await fastify.inject({ url: '/assets/..%2f..%2fsecret.txt' });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toEqual({
      statusCode: 403,
      error: 'Forbidden',
      message: 'Forbidden: not a file of the storefront',
      correlationId: 'cid-1',
    });
  });

  it('says how to build the storefront when there is no build, instead of failing', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'storefront-empty-'));
    const bare = await server(empty);
    try {
      const res = await bare.inject({ url: '/', headers: { accept: HTML } });
      expect(res.statusCode).toBe(503);
      expect(res.headers['content-type']).toMatch(/^text\/plain/);
      expect(res.body).toBe(STOREFRONT_NOT_BUILT);
    } finally {
      await bare.close();
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
