// What a feature costs a server's throughput, from rounds that measured it with and without the
// feature. Each round also measured a bare server right next to each side: on a shared, noisy
// machine the load of the moment moves both alike, so a side's throughput divided by the bare
// server's of the same moment (its ratio) compares across rounds better than raw req/s.

/** The median of numbers (null when there are none). */
export function median(values) {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * `rounds`: [{ with: { rps, bareRps }, without: { rps, bareRps } }], one per round. Returns the
 * throughput with the feature relative to without (the median over rounds of the per-round
 * quotient of bare-normalised ratios, and of raw req/s), its spread over the rounds, and
 * `cost` = 1 − relative (0.05: 5 % of the throughput lost). Rounds where a side served nothing
 * count as no information, not as a zero.
 */
export function relativeThroughput(rounds) {
  const normalised = [];
  const raw = [];
  for (const round of rounds) {
    const ratioWith = round.with.bareRps > 0 ? round.with.rps / round.with.bareRps : null;
    const ratioWithout = round.without.bareRps > 0 ? round.without.rps / round.without.bareRps : null;
    if (ratioWith !== null && ratioWithout) normalised.push(ratioWith / ratioWithout);
    if (round.without.rps > 0) raw.push(round.with.rps / round.without.rps);
  }
  const relative = median(normalised);
  return {
    relative,
    cost: relative === null ? null : 1 - relative,
    spread: normalised.length ? [Math.min(...normalised), Math.max(...normalised)] : null,
    relativeRaw: median(raw),
    rounds: normalised.length,
  };
}

/**
 * The verdict over rows of `relativeThroughput` (one per connection count): met when every row
 * was measured and costs at most `maxCost`. `worstCost` is the highest cost of the rows.
 */
export function costVerdict(rows, maxCost) {
  const costs = rows.map((row) => row.cost);
  const measured = costs.length > 0 && costs.every((cost) => cost !== null);
  const worstCost = measured ? Math.max(...costs) : null;
  return { maxCost, worstCost, met: measured && worstCost <= maxCost };
}
