// autocannon runs (programmatic API), reduced to the figures we compare.
import autocannon from 'autocannon';

const CURVE = [
  [1, 'p1'],
  [10, 'p10'],
  [25, 'p25'],
  [50, 'p50'],
  [75, 'p75'],
  [90, 'p90'],
  [97.5, 'p97_5'],
  [99, 'p99'],
  [99.9, 'p99_9'],
];

/** GETs `url` with `connections` for `durationS` seconds; returns req/s, latency and failures. */
export async function hammer(url, { connections, durationS, headers = {} }) {
  const result = await autocannon({ url, connections, duration: durationS, headers, timeout: 10 });
  return {
    connections,
    durationS,
    requests: result.requests.total,
    rps: result.requests.average,
    p50: result.latency.p50,
    p90: result.latency.p90,
    p99: result.latency.p99,
    max: result.latency.max,
    ok2xx: result['2xx'],
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    curve: CURVE.map(([p, key]) => [p, result.latency[key]]),
  };
}
