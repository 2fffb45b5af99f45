import { gatewayCacheLookups } from '@bookstore/shared/platform';

/** What a bound prom-client counter offers; typed here so the gateway needs no prom-client import. */
interface Counter {
  inc(): void;
}

export interface ReadCacheOptions {
  /** Name in the metrics (`bookstore_gateway_cache_lookups_total{cache}`). */
  name: string;
  /** Upper bound on an entry's age: the safety net should an invalidation ever be missed. */
  ttlMs: number;
  /** Least recently used entries go first beyond this. */
  maxEntries: number;
}

interface Entry<V> {
  value: V;
  expiresAt: number;
}

/** A load in flight; `stale` once an invalidation overtook it, so its result is not stored. */
interface Load<V> {
  promise: Promise<V>;
  stale: boolean;
}

/**
 * An in-process read-through cache that is correct only together with invalidations: its owner
 * calls `invalidate(key)` for every change it hears of and `enable()`/`disable()` as it gains and
 * loses the stream of changes. While disabled every read goes to the loader.
 *
 * Why this is safe against the classic race (a read that started before a write finishing after
 * its invalidation would otherwise store the old value): an invalidation marks the loads in flight
 * for the key as stale, and a stale load's result is returned to its callers but never stored.
 * Callers arriving after the invalidation start a new load instead of joining the stale one, so a
 * read that follows a write on this instance always sees the write. Concurrent misses of one key
 * share one load.
 */
export class ReadCache<V> {
  private readonly entries = new Map<string, Entry<V>>();
  private readonly loads = new Map<string, Load<V>>();
  private enabled = false;
  /** Counters bound to their labels once: a lookup on the hot path then costs no label hashing. */
  private readonly lookups: Record<'hit' | 'miss' | 'bypass', Counter>;

  constructor(private readonly options: ReadCacheOptions) {
    const counter = (result: string) => gatewayCacheLookups.labels(options.name, result);
    this.lookups = { hit: counter('hit'), miss: counter('miss'), bypass: counter('bypass') };
  }

  async get(key: string, load: () => Promise<V>): Promise<V> {
    if (!this.enabled) {
      this.count('bypass');
      return load();
    }
    const hit = this.peek(key);
    if (hit !== undefined) return hit;
    this.count('miss');
    return this.join(key, load);
  }

  /**
   * The fresh value of `key` without waiting, or undefined (nothing counted then: the caller's
   * `get` that follows counts the miss or bypass). Lets a hot path answer a hit synchronously.
   */
  peek(key: string): V | undefined {
    if (!this.enabled) return undefined;
    const entry = this.entries.get(key);
    if (!entry || entry.expiresAt <= Date.now()) return undefined;
    // Re-inserting moves the key to the end of the Map's order: the most recently used.
    this.entries.delete(key);
    this.entries.set(key, entry);
    this.count('hit');
    return entry.value;
  }

  invalidate(key: string): void {
    this.entries.delete(key);
    const inFlight = this.loads.get(key);
    if (inFlight) inFlight.stale = true;
    this.loads.delete(key);
  }

  /** Start caching: changes are heard from now on. */
  enable(): void {
    this.clear();
    this.enabled = true;
  }

  /** Stop caching and forget everything: changes may be missed from now on. */
  disable(): void {
    this.enabled = false;
    this.clear();
  }

  get size(): number {
    return this.entries.size;
  }

  private join(key: string, load: () => Promise<V>): Promise<V> {
    const running = this.loads.get(key);
    if (running) return running.promise;
    const current: Load<V> = { promise: load(), stale: false };
    this.loads.set(key, current);
    current.promise.then(
      (value) => {
        if (this.loads.get(key) === current) this.loads.delete(key);
        if (!current.stale && this.enabled) this.store(key, value);
      },
      () => {
        if (this.loads.get(key) === current) this.loads.delete(key);
      },
    );
    return current.promise;
  }

  private store(key: string, value: V): void {
    this.entries.set(key, { value, expiresAt: Date.now() + this.options.ttlMs });
    if (this.entries.size > this.options.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
  }

  private clear(): void {
    this.entries.clear();
    for (const inFlight of this.loads.values()) inFlight.stale = true;
    this.loads.clear();
  }

  private count(result: 'hit' | 'miss' | 'bypass'): void {
    this.lookups[result].inc();
  }
}
