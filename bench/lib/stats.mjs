// Small statistics over latency samples (milliseconds).

/** The q-quantile (0..1) of sorted values, nearest-rank. */
export function quantile(sorted, q) {
  if (sorted.length === 0) return null;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank];
}

/** count, min, mean, p50, p90, p99, max, and the percentile curve used by the chart. */
export function summarize(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  const mean = n ? sorted.reduce((sum, v) => sum + v, 0) / n : null;
  const curve = [1, 10, 25, 50, 75, 90, 97.5, 99, 99.9].map((p) => [p, quantile(sorted, p / 100)]);
  return {
    count: n,
    min: sorted[0] ?? null,
    mean,
    p50: quantile(sorted, 0.5),
    p90: quantile(sorted, 0.9),
    p99: quantile(sorted, 0.99),
    max: sorted[n - 1] ?? null,
    curve,
  };
}

export const round = (value, digits = 1) =>
  value === null || value === undefined ? null : Number(value.toFixed(digits));
