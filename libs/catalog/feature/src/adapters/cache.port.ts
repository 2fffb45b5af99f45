/**
 * The cache the catalog reads through. Implementations never throw and never hang: a failure or a
 * slow answer is `undefined` (a miss) or a no-op, so a cache outage only makes reads slower.
 */
export interface CachePort {
  get<T>(key: string): Promise<T | undefined>;
  set(key: string, value: unknown, ttlMs: number): Promise<void>;
  /** The current value of a counter (0 when absent), or `undefined` when the cache cannot answer. */
  counter(key: string): Promise<number | undefined>;
  /** Increments a counter; what depended on its old value is no longer read. */
  bump(key: string): Promise<void>;
}
