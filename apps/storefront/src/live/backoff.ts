/** How long to wait before reconnect attempt `attempt` (0-based): doubling from `base` to `max`, with jitter. */
export function backoffDelay(
  attempt: number,
  base = 1000,
  max = 30_000,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(max, base * 2 ** Math.max(0, attempt));
  // Between half and all of the ceiling: many tabs reconnecting after a restart do not stampede.
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
