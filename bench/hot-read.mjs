// Hot read: GET /api/v1/books/:id through the gateway with a warm cache, side by side with a bare
// node:http server answering the same JSON, at each connection count. The machine is shared and
// noisy, so the two sides alternate in short slices (bare/gateway, then gateway/bare, ...) and the
// ratio is the median of the per-round ratios: a burst of load elsewhere hits both sides alike.
// Each side's CPU time per request (/proc/<pid>/stat over the slice) is given too: what the server
// itself spends, which the machine's load changes far less than its throughput.
import { startBareServer } from './lib/bare-server.mjs';
import { cpuSeconds, servicePids } from './lib/footprint.mjs';
import { call, expectStatus } from './lib/http.mjs';
import { hammer } from './lib/load.mjs';
import { gatewayUrl } from './lib/sandbox.mjs';

/** Targets of the hot read (issue 15, docs/BENCHMARKS.md): half the bare server at every count. */
export const HOT_READ_TARGETS = { minRatio: 0.5, maxP99MsAt50: 10 };

/**
 * Runs bare then gateway for each connection count. `onPhase(name)` lets the caller attribute
 * memory samples. Returns { bookId, rows: [...] }.
 */
export async function runHotRead({
  bookId,
  connections,
  durationS,
  rounds = 4,
  log = console.log,
  onPhase = () => undefined,
}) {
  const path = `/api/v1/books/${bookId}`;
  const first = await call('GET', path);
  const body = expectStatus(first, 200, `GET ${path}`);
  // Warm the cache and the JIT of both sides before measuring.
  const bare = await startBareServer(JSON.stringify(body));
  const gatewayPid = servicePids().gateway;
  try {
    await hammer(`${gatewayUrl()}${path}`, { connections: 10, durationS: 2 });
    await hammer(bare.url, { connections: 10, durationS: 2 });
    const rows = [];
    const sliceS = Math.max(1, Math.round(durationS / rounds));
    for (const c of connections) {
      log(`[hot-read] ${c} connections: ${rounds} rounds of ${sliceS} s bare + ${sliceS} s gateway`);
      const slices = [];
      for (let r = 0; r < rounds; r++) {
        const measureBare = async () => {
          onPhase('idle');
          return withCpu(bare.pid, () => hammer(bare.url, { connections: c, durationS: sliceS }));
        };
        const measureGateway = async () => {
          onPhase('hot-read');
          const g = await withCpu(gatewayPid, () =>
            hammer(`${gatewayUrl()}${path}`, { connections: c, durationS: sliceS }),
          );
          onPhase('idle');
          return g;
        };
        // Alternate which side goes first, so a drift in the machine's load favours neither.
        let b;
        let g;
        if (r % 2 === 0) {
          b = await measureBare();
          g = await measureGateway();
        } else {
          g = await measureGateway();
          b = await measureBare();
        }
        slices.push({ bare: b, gateway: g, ratio: b.rps > 0 ? g.rps / b.rps : null });
      }
      rows.push({
        connections: c,
        bare: combine(slices.map((s) => s.bare)),
        gateway: combine(slices.map((s) => s.gateway)),
        ratio: median(slices.map((s) => s.ratio).filter((v) => v !== null)),
        rounds: slices.map((s) => ({ bareRps: s.bare.rps, gatewayRps: s.gateway.rps, ratio: s.ratio })),
      });
    }
    return { bookId, bodyBytes: JSON.stringify(body).length, rows };
  } finally {
    await bare.stop();
  }
}

/** Runs `load` and adds the CPU seconds `pid` spent meanwhile (`cpuS`, null when unknown). */
async function withCpu(pid, load) {
  const before = pid ? cpuSeconds(pid) : null;
  const result = await load();
  const after = pid ? cpuSeconds(pid) : null;
  return { ...result, cpuS: before === null || after === null ? null : after - before };
}

/** CPU microseconds per request over slices, or null when a slice's CPU time is unknown. */
function cpuUsPerRequest(slices) {
  if (slices.some((s) => s.cpuS === null || s.cpuS === undefined)) return null;
  const requests = slices.reduce((total, s) => total + s.requests, 0);
  return requests > 0 ? (1e6 * slices.reduce((total, s) => total + s.cpuS, 0)) / requests : null;
}

/**
 * One side's slices as one figure: requests summed, req/s averaged, latency percentiles the median
 * over the slices (worst slice's p99 kept as p99Worst), the curve of the slice with the median p99.
 */
function combine(slices) {
  const byP99 = [...slices].sort((a, b) => a.p99 - b.p99);
  const mid = byP99[Math.floor((byP99.length - 1) / 2)];
  const sum = (key) => slices.reduce((total, s) => total + s[key], 0);
  return {
    connections: slices[0].connections,
    durationS: sum('durationS'),
    requests: sum('requests'),
    rps: sum('rps') / slices.length,
    p50: median(slices.map((s) => s.p50)),
    p90: median(slices.map((s) => s.p90)),
    p99: median(slices.map((s) => s.p99)),
    p99Worst: byP99[byP99.length - 1].p99,
    max: Math.max(...slices.map((s) => s.max)),
    cpuUsPerRequest: cpuUsPerRequest(slices),
    ok2xx: sum('ok2xx'),
    non2xx: sum('non2xx'),
    errors: sum('errors'),
    timeouts: sum('timeouts'),
    curve: mid.curve,
  };
}

function median(values) {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
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
    gwP99Worst: r.gateway.p99Worst ?? r.gateway.p99,
    gwErrors: r.gateway.non2xx + r.gateway.errors + r.gateway.timeouts,
    bareCpuUs: r.bare.cpuUsPerRequest == null ? null : Math.round(r.bare.cpuUsPerRequest),
    gwCpuUs: r.gateway.cpuUsPerRequest == null ? null : Math.round(r.gateway.cpuUsPerRequest),
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
  ['gwP99Worst', 'gw p99 worst round'],
  ['gwErrors', 'gw non-2xx/err'],
  ['bareCpuUs', 'bare µs CPU/req'],
  ['gwCpuUs', 'gw µs CPU/req'],
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
