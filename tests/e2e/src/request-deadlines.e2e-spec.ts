/**
 * Issue 13, item 5: a request the gateway gave up on (504) never takes effect afterwards. The
 * catalog process is paused (SIGSTOP) while a stock adjustment is on its way, as a stalled pod or
 * a long GC pause would: the broker has already handed it the request, so the queue's expiration
 * no longer protects it. The gateway answers 504, the admin retries, and the catalog, resumed,
 * must refuse the original instead of adding the stock a second time.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { CATALOG_PATTERNS } from '@bookstore/shared/contracts';
import { api, createBook, eventually, loginAdmin } from '@bookstore/shared/testing';

const root = join(__dirname, '../../..');
const CATALOG_METRICS = `http://127.0.0.1:${process.env['CATALOG_OPS_PORT'] ?? '9102'}/metrics`;

/** The pid of the catalog the system runner started (tools/system/system.mjs keeps it here). */
function catalogPid(): number {
  const tag = process.env['SYSTEM_TAG'] ?? 'default';
  return Number(readFileSync(join(root, '.infra/run', `system-${tag}`, 'catalog.pid'), 'utf8'));
}

/** Requests the catalog refused as past their deadline, from its own metrics. */
async function expiredRequests(): Promise<number> {
  const text = await (await fetch(CATALOG_METRICS)).text();
  return text
    .split('\n')
    .filter(
      (line) =>
        line.startsWith('bookstore_messages_handled_total{') &&
        line.includes(`pattern="${CATALOG_PATTERNS.adjustStock}"`) &&
        line.includes('outcome="expired"'),
    )
    .reduce((sum, line) => sum + Number(line.split(' ').pop()), 0);
}

async function stockOf(bookId: string): Promise<number> {
  const res = await api<{ stock: number }>('GET', `/api/v1/books/${bookId}`);
  expect(res.status).toBe(200);
  return res.body.stock;
}

describe('request deadlines', () => {
  let admin: string;
  let paused: number | undefined;

  beforeAll(async () => {
    admin = await loginAdmin();
  });

  afterEach(() => {
    // Never leave the catalog stopped for the specs that follow.
    if (paused !== undefined) process.kill(paused, 'SIGCONT');
    paused = undefined;
  });

  it('a stock adjustment that timed out (504) and is retried adds the stock once', async () => {
    const bookId = await createBook(admin, { stock: 10 });
    const expiredBefore = await expiredRequests();

    paused = catalogPid();
    process.kill(paused, 'SIGSTOP');
    const timedOut = await api('POST', `/api/v1/books/${bookId}/stock`, {
      token: admin,
      body: { delta: 5 },
    });
    process.kill(paused, 'SIGCONT');
    paused = undefined;

    expect(timedOut.status).toBe(504);
    expect(timedOut.body).toMatchObject({ statusCode: 504, error: 'Gateway Timeout' });
    // The resumed catalog reads the request it was handed while paused, and refuses it.
    await eventually(expiredRequests, (count) => count === expiredBefore + 1, { timeoutMs: 15_000 });

    const retried = await api<{ stock: number }>('POST', `/api/v1/books/${bookId}/stock`, {
      token: admin,
      body: { delta: 5 },
    });
    expect(retried.status).toBe(200);
    expect(retried.body.stock).toBe(15);
    expect(await stockOf(bookId)).toBe(15);
  }, 60_000);
});
