import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { LogLevelName } from '@bookstore/shared/platform';
import { httpRequests, loadConfig } from '@bookstore/shared/platform';
import { FastifyOtelInstrumentation } from '@fastify/otel';
import { Controller, Get, Header, Param } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { RouteConfig } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';

import { GATEWAY_CONFIG, GatewayConfig } from '../config/gateway.config';
import { configureGatewayHttp, gatewayHttpAdapter } from '../http/configure-http';
import { BookCache } from './book-cache';
import { CACHED_BOOK_READ, CachedBookReadHook, JSON_CONTENT_TYPE } from './cached-book-read.hook';

const CACHED_ID = '665f1c2e8b3a4d0012345678';
const MISSING_ID = '0123456789abcdef01234567';
const CACHED_JSON = '{"id":"665f1c2e8b3a4d0012345678","title":"Gödel, Escher, Bach"}';
const ROUTE = '/api/v1/books/:id';
/** What Node adds to any answer, whoever built it. */
const NODE_HEADERS = new Set(['date', 'connection', 'keep-alive']);

interface Answer {
  status: number;
  /** Headers as sent, in order, Node's own left out. */
  headers: [string, string][];
  body: string;
}

/** The books route as the gateway declares it; its handler answers what the cache does not hold. */
@Controller('books')
class BooksRoute {
  static handled: string[] = [];

  @Get(':id')
  @Header('content-type', JSON_CONTENT_TYPE)
  @RouteConfig(CACHED_BOOK_READ)
  get(@Param('id') id: string): string {
    BooksRoute.handled.push(id);
    return JSON.stringify({ id, from: 'handler' });
  }
}

/** The gateway's HTTP setup (hooks, CORS, prefix, metrics) with the route and CachedBookReadHook. */
async function gateway(
  level: LogLevelName = 'info',
): Promise<{ app: NestFastifyApplication; routed: () => number }> {
  const config = loadConfig(GatewayConfig, { LOG_LEVEL: level, CORS_ORIGINS: 'http://shop.test' });
  const books = { peekJson: (id: string) => (id === CACHED_ID ? CACHED_JSON : undefined) };
  const module = await Test.createTestingModule({
    controllers: [BooksRoute],
    providers: [
      CachedBookReadHook,
      { provide: BookCache, useValue: books },
      { provide: GATEWAY_CONFIG, useValue: config },
    ],
  }).compile();
  const app = module.createNestApplication<NestFastifyApplication>(gatewayHttpAdapter(config), {
    logger: false,
    bodyParser: false,
  });
  await configureGatewayHttp(app, config);
  let routed = 0;
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', (_request, _reply, done) => {
      routed++;
      done();
    });
  await app.listen(0, '127.0.0.1');
  BooksRoute.handled = [];
  return { app, routed: () => routed };
}

function get(
  app: NestFastifyApplication,
  path: string,
  headers: Record<string, string> = {},
  method = 'GET',
): Promise<Answer> {
  const { port } = app.getHttpServer().address() as AddressInfo;
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, method, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => {
        const headers: [string, string][] = [];
        for (let i = 0; i < res.rawHeaders.length; i += 2) {
          const name = (res.rawHeaders[i] as string).toLowerCase();
          if (!NODE_HEADERS.has(name)) headers.push([name, res.rawHeaders[i + 1] as string]);
        }
        resolve({ status: res.statusCode ?? 0, headers, body });
      });
    });
    req.on('error', reject);
    req.end();
  });
}

/** The answer's headers with the correlation id's value blanked: the rest must be identical. */
const withoutCorrelationId = (answer: Answer) =>
  answer.headers.map(([name, value]) => [name, name === 'x-correlation-id' ? '' : value]);
const header = (answer: Answer, name: string) => answer.headers.find(([n]) => n === name)?.[1];

async function countOfRoute(status: string): Promise<number> {
  const { values } = await httpRequests.get();
  const count = values.find(
    (v) => v.metricName?.endsWith('_count') && v.labels['route'] === ROUTE && v.labels['status'] === status,
  );
  return count?.value ?? 0;
}

describe('EarlyBookAnswer (cached book reads answered before Fastify routes them)', () => {
  let app: NestFastifyApplication;
  afterEach(() => app.close());

  it('gives the answer Fastify gave: same status, headers in order, body; own correlation id; counted', async () => {
    const g = await gateway();
    app = g.app;
    const countedBefore = await countOfRoute('200');
    const byFastify = await get(app, `/api/v1/books/${CACHED_ID}`);
    expect(g.routed()).toBe(1);

    const echoed = await get(app, `/api/v1/books/${CACHED_ID.toUpperCase()}`, {
      'x-correlation-id': 'corr-7',
    });
    const generated = await get(app, `/api/v1/books/${CACHED_ID}`, { 'x-correlation-id': 'not a token!' });

    expect(g.routed()).toBe(1);
    expect(BooksRoute.handled).toEqual([]);
    for (const early of [echoed, generated]) {
      expect(early.status).toBe(200);
      expect(early.body).toBe(CACHED_JSON);
      expect(withoutCorrelationId(early)).toEqual(withoutCorrelationId(byFastify));
    }
    // What the hooks set, each there (the comparison above also proves it for the early answers).
    expect(Object.fromEntries(byFastify.headers)).toMatchObject({
      'content-type': JSON_CONTENT_TYPE,
      'content-length': String(Buffer.byteLength(CACHED_JSON)),
      'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
      'x-frame-options': 'DENY',
      'x-content-type-options': 'nosniff',
      vary: 'Origin',
      'access-control-expose-headers': 'x-correlation-id, retry-after',
    });
    expect(header(echoed, 'x-correlation-id')).toBe('corr-7');
    expect(header(generated, 'x-correlation-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(header(generated, 'x-correlation-id')).not.toBe(header(byFastify, 'x-correlation-id'));
    expect((await countOfRoute('200')) - countedBefore).toBe(3);
  });

  it('leaves to Fastify a miss, a cross-origin read, a query string, a HEAD and other paths', async () => {
    const g = await gateway();
    app = g.app;
    await get(app, `/api/v1/books/${CACHED_ID}`);

    const miss = await get(app, `/api/v1/books/${MISSING_ID}`);
    const crossOrigin = await get(app, `/api/v1/books/${CACHED_ID}`, { origin: 'http://shop.test' });
    const query = await get(app, `/api/v1/books/${CACHED_ID}?fields=title`);
    const head = await get(app, `/api/v1/books/${CACHED_ID}`, {}, 'HEAD');
    const longer = await get(app, `/api/v1/books/${CACHED_ID}0`);

    expect(g.routed()).toBe(6);
    expect(JSON.parse(miss.body)).toEqual({ id: MISSING_ID, from: 'handler' });
    expect(header(crossOrigin, 'access-control-allow-origin')).toBe('http://shop.test');
    expect(query.body).toBe(CACHED_JSON);
    expect(head.status).toBe(200);
    expect(JSON.parse(longer.body)).toEqual({ id: `${CACHED_ID}0`, from: 'handler' });
  });

  it('learns the path from a plain request, not from one Fastify had to decode', async () => {
    const g = await gateway();
    app = g.app;
    const encoded = `/api/v1/books/%${CACHED_ID.charCodeAt(0).toString(16)}${CACHED_ID.slice(1)}`;
    expect((await get(app, encoded)).body).toBe(CACHED_JSON);
    await get(app, `/api/v1/books/${CACHED_ID}`);
    await get(app, `/api/v1/books/${CACHED_ID}`);
    expect(g.routed()).toBe(2);
    expect(BooksRoute.handled).toEqual([]);
  });

  it('is off at LOG_LEVEL=debug, where every request gets its line from Fastify', async () => {
    const g = await gateway('debug');
    app = g.app;
    await get(app, `/api/v1/books/${CACHED_ID}`);
    await get(app, `/api/v1/books/${CACHED_ID}`);
    expect(g.routed()).toBe(2);
    expect(BooksRoute.handled).toEqual([]);
  });

  it('is off when @fastify/otel is registered (traces exported), which names the route span', async () => {
    // As libs/shared/telemetry enables it when exporting: on every Fastify instance created after.
    const otel = new FastifyOtelInstrumentation({ registerOnInitialization: true, instrumentHooks: false });
    otel.enable();
    try {
      const g = await gateway();
      app = g.app;
      await get(app, `/api/v1/books/${CACHED_ID}`);
      await get(app, `/api/v1/books/${CACHED_ID}`);
      expect(g.routed()).toBe(2);
    } finally {
      otel.disable();
    }
  });
});
