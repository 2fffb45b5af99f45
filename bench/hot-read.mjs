// Hot read: GET /api/v1/books/:id through the gateway with a warm cache, side by side with a bare
// node:http server answering the same JSON, at each connection count.
import { startBareServer } from './lib/bare-server.mjs';
import { call, expectStatus } from './lib/http.mjs';
import { hammer } from './lib/load.mjs';
import { gatewayUrl } from './lib/sandbox.mjs';

/** Targets of the hot read (docs/BENCHMARKS.md). */
export const HOT_READ_TARGETS = { minRatio: 0.3, maxP99MsAt50: 25 };

/**
 * Runs bare then gateway for each connection count. `onPhase(name)` lets the caller attribute
 * memory samples. Returns { bookId, rows: [...] }.
 */
export async function runHotRead({
  bookId,
  connections,
  durationS,
  log = console.log,
  onPhase = () => undefined,
}) {
  const path = `/api/v1/books/${bookId}`;
  const first = await call('GET', path);
  const body = expectStatus(first, 200, `GET ${path}`);
  // Warm the cache and the JIT of both sides before measuring.
  const bare = await startBareServer(JSON.stringify(body));
  try {
    await hammer(`${gatewayUrl()}${path}`, { connections: 10, durationS: 2 });
    await hammer(bare.url, { connections: 10, durationS: 2 });
    const rows = [];
    for (const c of connections) {
      log(`[hot-read] ${c} connections: bare server, ${durationS} s`);
      onPhase('idle');
      const b = await hammer(bare.url, { connections: c, durationS });
      log(`[hot-read] ${c} connections: gateway, ${durationS} s`);
      onPhase('hot-read');
      const g = await hammer(`${gatewayUrl()}${path}`, { connections: c, durationS });
      onPhase('idle');
      rows.push({
        connections: c,
        bare: b,
        gateway: g,
        ratio: b.rps > 0 ? g.rps / b.rps : null,
      });
    }
    return { bookId, bodyBytes: JSON.stringify(body).length, rows };
  } finally {
    await bare.stop();
  }
}

/** Table rows and target verdicts. */
export function hotReadTable(result) {
  return result.rows.map((r) => ({
    conns: r.connections,
    bareRps: Math.round(r.bare.rps),
    gwRps: Math.round(r.gateway.rps),
    ratio: r.ratio === null ? null : Number(r.ratio.toFixed(3)),
    bareP50: r.bare.p50,
    bareP99: r.bare.p99,
    gwP50: r.gateway.p50,
    gwP99: r.gateway.p99,
    gwErrors: r.gateway.non2xx + r.gateway.errors + r.gateway.timeouts,
  }));
}

export const HOT_READ_COLUMNS = [
  ['conns', 'conns'],
  ['bareRps', 'bare req/s'],
  ['gwRps', 'gateway req/s'],
  ['ratio', 'ratio'],
  ['bareP50', 'bare p50 ms'],
  ['bareP99', 'bare p99 ms'],
  ['gwP50', 'gw p50 ms'],
  ['gwP99', 'gw p99 ms'],
  ['gwErrors', 'gw non-2xx/err'],
];

export function hotReadVerdict(result) {
  const at50 =
    result.rows.find((r) => r.connections === 50) ?? result.rows[Math.floor(result.rows.length / 2)];
  const minRatio = Math.min(...result.rows.map((r) => r.ratio ?? 0));
  return {
    minRatio,
    ratioMet: minRatio >= HOT_READ_TARGETS.minRatio,
    p99At50: at50?.gateway.p99 ?? null,
    // A run where nothing (or not only 2xx) came back has no meaningful latency.
    p99Met:
      !!at50 &&
      at50.gateway.ok2xx > 0 &&
      at50.gateway.non2xx + at50.gateway.errors + at50.gateway.timeouts === 0 &&
      at50.gateway.p99 < HOT_READ_TARGETS.maxP99MsAt50,
  };
}
