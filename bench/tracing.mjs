// Tracing's cost on the hot read (issue 14: at most 5 % of its throughput with no exporter): the
// gateway as shipped with no OTLP endpoint (tracing on, nothing exported) against the same build
// with OTEL_SDK_DISABLED=true (no SDK, no instrumentation patched). At each connection count, GET
// /api/v1/books/:id (cached) on each mode's gateway and a bare node:http server are loaded in turn,
// and each round compares the two modes' gateway/bare ratios (lib/relative-cost).
import { startBareServer } from './lib/bare-server.mjs';
import { call, expectStatus } from './lib/http.mjs';
import { hammer } from './lib/load.mjs';
import { costVerdict, relativeThroughput } from './lib/relative-cost.mjs';
import { gatewayUrl } from './lib/sandbox.mjs';

/** Issue 14's bound: tracing with no exporter costs at most this share of the throughput. */
export const TRACING_MAX_COST = 0.05;

const MODES = {
  traced: { OTEL_SDK_DISABLED: undefined },
  untraced: { OTEL_SDK_DISABLED: 'true' },
};

/** (Re)starts gateway instance `name` with `env` applied (undefined removes), then waits for it. */
async function startGateway(system, name, env, url) {
  await system.stopOne(name);
  const saved = Object.fromEntries(Object.keys(env).map((key) => [key, process.env[key]]));
  const apply = (vars) => {
    for (const [key, value] of Object.entries(vars)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  };
  apply(env);
  try {
    system.startOne(name);
  } finally {
    apply(saved);
  }
  for (const deadline = Date.now() + 60_000; Date.now() < deadline;) {
    const res = await fetch(`${url}/api/v1/health`, { signal: AbortSignal.timeout(2000) }).catch(() => null);
    if (res?.status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${name} (${url}) not healthy after 60 s`);
}

/**
 * Runs the comparison; `system` is tools/system/system.mjs (imported with the sandbox env). The
 * two modes run side by side, as the gateway and a second gateway instance (`gateway-2`, next
 * port), so that the slices can alternate every few seconds without a restart between them; half
 * way the two swap modes (both restarted), so neither instance's port or place favours a mode.
 * Leaves the gateway running as found and stops gateway-2. Returns
 * { bookId, sliceS, rows: [{ connections, traced, untraced, relative… }], verdict }.
 */
export async function runTracingCost({
  system,
  bookId,
  connections = [10, 50],
  durationS = 8,
  rounds = 4,
  log = console.log,
}) {
  // With an endpoint, tracing records and exports: a different (and dearer) mode than the one the
  // issue bounds, so neither instance gets one.
  const noExport = { OTEL_EXPORTER_OTLP_ENDPOINT: undefined };
  const first = gatewayUrl();
  const second = `http://127.0.0.1:${Number(new URL(first).port) + 1}`;
  const instances = [
    { name: 'gateway', url: first },
    { name: 'gateway-2', url: second },
  ];
  const path = `/api/v1/books/${bookId}`;
  const body = expectStatus(await call('GET', path), 200, `GET ${path}`);
  const bare = await startBareServer(JSON.stringify(body));
  const sliceS = Math.max(1, Math.round(durationS / rounds));
  // measured[c] = [{ traced: { rps, bareRps, … }, untraced: {…} }], one per round.
  const measured = new Map(connections.map((c) => [c, []]));
  const urls = {};
  const assign = async (tracedInstance) => {
    for (const instance of instances) {
      const mode = instance === tracedInstance ? 'traced' : 'untraced';
      log(`[tracing] ${instance.name} (${instance.url}) ${mode}`);
      await startGateway(system, instance.name, { ...noExport, ...MODES[mode] }, instance.url);
      urls[mode] = `${instance.url}${path}`;
      // Warm the cache and the JIT of the fresh process before measuring.
      await hammer(urls[mode], { connections: 50, durationS: 4 });
    }
  };
  try {
    await hammer(bare.url, { connections: 10, durationS: 2 });
    for (let r = 0; r < rounds; r++) {
      if (r === 0) await assign(instances[0]);
      else if (r === Math.ceil(rounds / 2)) await assign(instances[1]);
      log(`[tracing] round ${r + 1}/${rounds}: ${sliceS} s per side and count`);
      // Bare, traced and untraced in turn, the order rotating from round to round, so a drift in
      // the machine's load favours no side.
      const sides = ['bare', 'traced', 'untraced'];
      const order = [...sides.slice(r % 3), ...sides.slice(0, r % 3)];
      if (r % 2) order.reverse();
      const round = {};
      for (const c of connections) {
        const got = {};
        for (const side of order)
          got[side] = await hammer(side === 'bare' ? bare.url : urls[side], {
            connections: c,
            durationS: sliceS,
          });
        for (const mode of ['traced', 'untraced']) {
          const g = got[mode];
          round[mode] = {
            rps: g.rps,
            bareRps: got.bare.rps,
            p99: g.p99,
            failures: g.non2xx + g.errors + g.timeouts,
          };
        }
        measured.get(c).push({ ...round });
      }
    }
  } finally {
    await bare.stop();
    await system.stopOne('gateway-2');
    // As found: the gateway as configured for the rest of the run (no exporter in the bench).
    await startGateway(system, 'gateway', {}, first).catch((error) =>
      log(`[tracing] restarting the gateway as found failed: ${error.message}`),
    );
  }
  const rows = connections.map((c) => {
    const perRound = measured.get(c);
    const side = (mode) => {
      const list = perRound.map((round) => round[mode]);
      const mean = (key) => list.reduce((sum, s) => sum + s[key], 0) / list.length;
      return {
        rps: mean('rps'),
        bareRps: mean('bareRps'),
        p99: Math.max(...list.map((s) => s.p99)),
        failures: list.reduce((sum, s) => sum + s.failures, 0),
      };
    };
    return {
      connections: c,
      traced: side('traced'),
      untraced: side('untraced'),
      ...relativeThroughput(perRound.map((round) => ({ with: round.traced, without: round.untraced }))),
      perRound,
    };
  });
  return { bookId, sliceS, rows, verdict: costVerdict(rows, TRACING_MAX_COST) };
}

/** Table rows of a run. */
export function tracingTable(result) {
  const pct = (v) => (v === null ? null : Number((100 * v).toFixed(1)));
  return result.rows.map((r) => ({
    conns: r.connections,
    tracedRps: Math.round(r.traced.rps),
    untracedRps: Math.round(r.untraced.rps),
    tracedRatio: Number((r.traced.rps / r.traced.bareRps).toFixed(3)),
    untracedRatio: Number((r.untraced.rps / r.untraced.bareRps).toFixed(3)),
    relative: r.relative === null ? null : Number(r.relative.toFixed(3)),
    spread: r.spread ? `${r.spread[0].toFixed(3)}–${r.spread[1].toFixed(3)}` : null,
    relativeRaw: r.relativeRaw === null ? null : Number(r.relativeRaw.toFixed(3)),
    cost: pct(r.cost),
    failures: r.traced.failures + r.untraced.failures,
  }));
}

export const TRACING_COLUMNS = [
  ['conns', 'conns'],
  ['tracedRps', 'traced req/s'],
  ['untracedRps', 'untraced req/s'],
  ['tracedRatio', 'traced/bare'],
  ['untracedRatio', 'untraced/bare'],
  ['relative', 'traced/untraced'],
  ['spread', 'over rounds'],
  ['relativeRaw', 'raw req/s quotient'],
  ['cost', 'cost %'],
  ['failures', 'non-2xx/err'],
];

/** One line: the verdict against the 5 % bound. */
export function tracingVerdictLine(verdict) {
  const worst = verdict.worstCost === null ? 'not measured' : `${(100 * verdict.worstCost).toFixed(1)} %`;
  return `target: cost ≤ ${100 * verdict.maxCost} % ${verdict.met ? 'met' : 'NOT met'} (worst ${worst})`;
}
