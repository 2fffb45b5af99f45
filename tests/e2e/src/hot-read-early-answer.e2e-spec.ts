/**
 * The cached book read answered before Fastify routes it (issue 15, item 1: EarlyBookAnswer) gives
 * the answer Fastify gives, header for header, on the real system. The system under test exports
 * traces, which turns the short path off (the route span must keep its name), so this spec starts
 * a second gateway (`gateway-2`, the replica runner's ports) without an exporter next to it.
 */
import { execFileSync } from 'node:child_process';
import { request } from 'node:http';
import { join } from 'node:path';

import { api, eventually, isbn13, loginAdmin, scrapeMetric } from '@bookstore/shared/testing';

const root = join(__dirname, '../../..');
/** gateway-2 listens one port above the gateway under test, its ops port 10 above (replicas.mjs). */
const PORT = Number(process.env['GATEWAY_PORT'] ?? 3000) + 1;
const OPS_PORT = Number(process.env['GATEWAY_OPS_PORT'] ?? 9100) + 10;
/** Headers that differ between any two answers, whichever path gave them. */
const PER_ANSWER = new Set(['date', 'x-correlation-id']);

interface RawAnswer {
  status: number;
  /** [name, value, name, value, ...] as they came on the wire, names lower-cased. */
  headers: string[];
  body: string;
}

function get(port: number, path: string, headers: Record<string, string> = {}): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers, agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.rawHeaders.map((part, i) => (i % 2 === 0 ? part.toLowerCase() : part)),
          body,
        }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

/** The answer's headers without those that differ per answer, in their order. */
function stableHeaders(answer: RawAnswer): string[][] {
  const pairs: string[][] = [];
  for (let i = 0; i < answer.headers.length; i += 2) {
    const name = answer.headers[i];
    if (!PER_ANSWER.has(name) && name !== 'connection' && name !== 'keep-alive') {
      pairs.push([name, answer.headers[i + 1]]);
    }
  }
  return pairs;
}

function header(answer: RawAnswer, name: string): string | undefined {
  const at = answer.headers.indexOf(name);
  return at === -1 ? undefined : answer.headers[at + 1];
}

async function earlyAnswers(): Promise<number> {
  const count = await scrapeMetric(
    `http://127.0.0.1:${OPS_PORT}/metrics`,
    'bookstore_gateway_early_answers_total',
  );
  if (count === undefined) throw new Error('gateway-2 exposes no bookstore_gateway_early_answers_total');
  return count;
}

function system(command: 'start-one' | 'stop-one'): void {
  // Empty means unset (libs/shared/telemetry): no exporter, so the short path is on.
  const env = { ...process.env, OTEL_EXPORTER_OTLP_ENDPOINT: '' };
  execFileSync(process.execPath, [join(root, 'tools/system/system.mjs'), command, 'gateway-2'], {
    cwd: root,
    env,
    stdio: 'ignore',
  });
}

describe('cached book reads answered before routing', () => {
  let bookId: string;
  let path: string;

  beforeAll(async () => {
    system('start-one');
    await eventually(
      // Refused connections (0) until it listens.
      () =>
        get(PORT, '/api/v1/health').then(
          (answer) => answer.status,
          () => 0,
        ),
      (status) => status === 200,
      { timeoutMs: 60_000 },
    );
    const list = await api<{ items: { id: string }[] }>('GET', '/api/v1/books?limit=1');
    bookId = list.body.items[0].id;
    path = `/api/v1/books/${bookId}`;
  }, 90_000);

  afterAll(() => system('stop-one'));

  it('answers a cached book as Fastify does: same status, headers in order and body', async () => {
    await get(PORT, path); // a miss: the controller loads the book and caches it
    const before = await earlyAnswers();
    const throughFastify = await get(PORT, path); // the first hit: Fastify answers, the shape is learnt
    const early = await get(PORT, path);
    const echoed = await get(PORT, path, { 'x-correlation-id': 'early-answer-spec-1' });

    expect(await earlyAnswers()).toBe(before + 2);
    expect(early.status).toBe(200);
    expect(early.body).toBe(throughFastify.body);
    expect(JSON.parse(early.body)).toMatchObject({ id: bookId });
    expect(stableHeaders(early)).toEqual(stableHeaders(throughFastify));
    expect(header(early, 'content-security-policy')).toBeDefined();
    expect(header(early, 'x-correlation-id')).toMatch(/^[\w-]{8,}$/);
    expect(header(early, 'x-correlation-id')).not.toBe(header(throughFastify, 'x-correlation-id'));
    expect(header(echoed, 'x-correlation-id')).toBe('early-answer-spec-1');
  });

  it('leaves to Fastify what depends on the request: a query string, an Origin, a miss', async () => {
    await get(PORT, path);
    const before = await earlyAnswers();
    const withQuery = await get(PORT, `${path}?x=1`);
    const crossOrigin = await get(PORT, path, { origin: 'http://localhost:3000' });
    const unknown = await get(PORT, '/api/v1/books/0123456789abcdef01234567');

    expect(await earlyAnswers()).toBe(before);
    expect(withQuery.status).toBe(200);
    expect(crossOrigin.status).toBe(200);
    expect(header(crossOrigin, 'access-control-allow-origin')).toBe('http://localhost:3000');
    expect(unknown.status).toBe(404);
    expect(JSON.parse(unknown.body)).toMatchObject({ statusCode: 404, correlationId: expect.any(String) });
  });

  it("follows the catalog's events: a title changed through the other gateway reads new here", async () => {
    const admin = await loginAdmin();
    const created = await api<{ id: string }>('POST', '/api/v1/books', {
      token: admin,
      body: {
        title: 'Early Answer Before',
        author: 'E2E Author',
        isbn: isbn13(),
        description: 'A book the early-answer spec renames',
        genres: ['test'],
        priceCents: 1500,
        stock: 3,
      },
    });
    expect(created.status).toBe(201);
    const own = `/api/v1/books/${created.body.id}`;
    await get(PORT, own);
    await get(PORT, own);
    expect(JSON.parse((await get(PORT, own)).body)).toMatchObject({ title: 'Early Answer Before' });

    const renamed = await api('PATCH', own, { token: admin, body: { title: 'Early Answer After' } });
    expect(renamed.status).toBe(200);
    await eventually(
      async () => JSON.parse((await get(PORT, own)).body) as { title: string },
      (book) => book.title === 'Early Answer After',
      { timeoutMs: 10_000 },
    );
  });
});
