interface Batch<T> {
  items: T[];
  settle: { resolve: () => void; reject: (error: unknown) => void }[];
}

/**
 * Coalesces work per key, single-flight: what is added for a key waits up to `lingerMs` (and while
 * a flush of that key is in flight) and goes out together in one flush. Each `add` resolves (or
 * rejects) with the flush that carried its items. Under load on one key the flushes grow instead
 * of multiplying, and a key is flushed at most once per `lingerMs`.
 */
export class KeyedBatcher<T> {
  private readonly waiting = new Map<string, Batch<T>>();
  private readonly inFlight = new Map<string, Promise<void>>();
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly flush: (key: string, items: T[]) => Promise<void>,
    private readonly lingerMs = 0,
  ) {}

  add(key: string, items: readonly T[]): Promise<void> {
    return new Promise((resolve, reject) => {
      const batch = this.waiting.get(key) ?? { items: [], settle: [] };
      batch.items.push(...items);
      batch.settle.push({ resolve, reject });
      this.waiting.set(key, batch);
      this.schedule(key);
    });
  }

  /** Flushes everything waiting now and resolves once no flush is in flight. */
  async settle(): Promise<void> {
    for (const [key, timer] of this.timers) {
      clearTimeout(timer);
      this.timers.delete(key);
      this.next(key);
    }
    while (this.inFlight.size > 0 || this.waiting.size > 0) {
      await Promise.allSettled([...this.inFlight.values()]);
      for (const key of this.waiting.keys()) this.next(key);
    }
  }

  private schedule(key: string): void {
    if (this.timers.has(key) || this.inFlight.has(key)) return;
    if (this.lingerMs <= 0) return this.next(key);
    const timer = setTimeout(() => {
      this.timers.delete(key);
      this.next(key);
    }, this.lingerMs);
    timer.unref();
    this.timers.set(key, timer);
  }

  private next(key: string): void {
    const batch = this.waiting.get(key);
    if (!batch || this.inFlight.has(key)) return;
    this.waiting.delete(key);
    const flushed = this.flush(key, batch.items)
      .then(
        () => batch.settle.forEach(({ resolve }) => resolve()),
        (error: unknown) => batch.settle.forEach(({ reject }) => reject(error)),
      )
      .finally(() => {
        this.inFlight.delete(key);
        if (this.waiting.has(key)) this.schedule(key);
      });
    this.inFlight.set(key, flushed);
  }
}
