import { ReadCache } from './read-cache';

/** A load the test resolves by hand, to order it against invalidations. */
function deferred<V>() {
  let resolve!: (value: V) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<V>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

function cache(options: Partial<{ ttlMs: number; maxEntries: number }> = {}) {
  const c = new ReadCache<string>({ name: 'test', ttlMs: 60_000, maxEntries: 100, ...options });
  c.enable();
  return c;
}

describe('ReadCache', () => {
  afterEach(() => jest.useRealTimers());

  it('loads once and answers later reads from memory', async () => {
    const c = cache();
    const load = jest.fn(async () => 'v1');
    expect(await c.get('a', load)).toBe('v1');
    expect(await c.get('a', load)).toBe('v1');
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('shares one load between concurrent misses of a key', async () => {
    const c = cache();
    const pending = deferred<string>();
    const load = jest.fn(() => pending.promise);
    const reads = [c.get('a', load), c.get('a', load), c.get('a', load)];
    pending.resolve('v1');
    expect(await Promise.all(reads)).toEqual(['v1', 'v1', 'v1']);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('reads again after an invalidation', async () => {
    const c = cache();
    await c.get('a', async () => 'v1');
    c.invalidate('a');
    expect(await c.get('a', async () => 'v2')).toBe('v2');
  });

  it('never stores a load that an invalidation overtook, and does not let later reads join it', async () => {
    const c = cache();
    const old = deferred<string>();
    const before = c.get('a', () => old.promise); // started before a write
    c.invalidate('a'); // the write is done and heard of
    const after = c.get('a', async () => 'v2'); // a read after the write starts its own load
    old.resolve('v1');
    expect(await before).toBe('v1');
    expect(await after).toBe('v2');
    expect(await c.get('a', async () => 'unexpected')).toBe('v2');
  });

  it('forgets an entry after its TTL', async () => {
    jest.useFakeTimers({ now: 1_000_000 });
    const c = cache({ ttlMs: 1000 });
    await c.get('a', async () => 'v1');
    jest.setSystemTime(1_000_999);
    expect(await c.get('a', async () => 'v2')).toBe('v1');
    jest.setSystemTime(1_001_001);
    expect(await c.get('a', async () => 'v2')).toBe('v2');
  });

  it('evicts the least recently read entry beyond maxEntries', async () => {
    const c = cache({ maxEntries: 2 });
    await c.get('a', async () => 'a1');
    await c.get('b', async () => 'b1');
    await c.get('a', async () => 'unexpected'); // a is now the most recently read
    await c.get('c', async () => 'c1'); // evicts b
    expect(c.size).toBe(2);
    expect(await c.get('a', async () => 'a2')).toBe('a1');
    expect(await c.get('b', async () => 'b2')).toBe('b2');
  });

  it('does not store a failed load', async () => {
    const c = cache();
    await expect(c.get('a', () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect(await c.get('a', async () => 'v1')).toBe('v1');
  });

  it('peeks a fresh entry without waiting, and nothing that is missing, stale, invalidated or off', async () => {
    jest.useFakeTimers({ now: 1_000_000 });
    const c = cache({ ttlMs: 1000 });
    expect(c.peek('a')).toBeUndefined();
    await c.get('a', async () => 'v1');
    expect(c.peek('a')).toBe('v1');
    jest.setSystemTime(1_001_001);
    expect(c.peek('a')).toBeUndefined();
    await c.get('a', async () => 'v2');
    c.invalidate('a');
    expect(c.peek('a')).toBeUndefined();
    await c.get('a', async () => 'v3');
    c.disable();
    expect(c.peek('a')).toBeUndefined();
  });

  it('counts a peek as a read for the least-recently-used order', async () => {
    const c = cache({ maxEntries: 2 });
    await c.get('a', async () => 'a1');
    await c.get('b', async () => 'b1');
    c.peek('a'); // a is now the most recently read
    await c.get('c', async () => 'c1'); // evicts b
    expect(c.peek('a')).toBe('a1');
    expect(c.peek('b')).toBeUndefined();
  });

  it('while disabled reads through, stores nothing, and forgets what it had', async () => {
    const c = cache();
    await c.get('a', async () => 'v1');
    const inFlight = deferred<string>();
    const reading = c.get('b', () => inFlight.promise);
    c.disable();
    inFlight.resolve('b1');
    await reading;
    expect(await c.get('a', async () => 'v2')).toBe('v2');
    expect(await c.get('a', async () => 'v3')).toBe('v3');
    c.enable();
    expect(await c.get('b', async () => 'b2')).toBe('b2');
    expect(c.size).toBe(1);
  });
});
