interface Batch<T> {
  items: T[];
  settle: { resolve: () => void; reject: (error: unknown) => void }[];
}

/**
 * Coalesces work per key, single-flight: while one flush of a key is in flight, what is added for
 * that key waits and goes out together in the next flush. Each `add` resolves (or rejects) with
 * the flush that carried its items. Under load on one key the flushes grow instead of multiplying.
 */
export class KeyedBatcher<T> {
  private readonly waiting = new Map<string, Batch<T>>();
  private readonly inFlight = new Set<string>();

  constructor(private readonly flush: (key: string, items: T[]) => Promise<void>) {}

  add(key: string, items: readonly T[]): Promise<void> {
    return new Promise((resolve, reject) => {
      const batch = this.waiting.get(key) ?? { items: [], settle: [] };
      batch.items.push(...items);
      batch.settle.push({ resolve, reject });
      this.waiting.set(key, batch);
      this.next(key);
    });
  }

  private next(key: string): void {
    const batch = this.waiting.get(key);
    if (!batch || this.inFlight.has(key)) return;
    this.waiting.delete(key);
    this.inFlight.add(key);
    this.flush(key, batch.items)
      .then(
        () => batch.settle.forEach(({ resolve }) => resolve()),
        (error: unknown) => batch.settle.forEach(({ reject }) => reject(error)),
      )
      .finally(() => {
        this.inFlight.delete(key);
        this.next(key);
      });
  }
}
