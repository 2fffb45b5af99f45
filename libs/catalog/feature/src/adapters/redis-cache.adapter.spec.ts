import { RedisCacheAdapter } from './redis-cache.adapter';

const REDIS_URL = process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379';

describe('RedisCacheAdapter', () => {
  it('caches values and counts versions on a real Redis', async () => {
    const cache = await RedisCacheAdapter.connect(REDIS_URL, 1000);
    const key = `catalog:test:${Date.now()}:${Math.random()}`;
    try {
      expect(await cache.get(key)).toBeUndefined();
      await cache.set(key, { title: 'Dune' }, 5000);
      expect(await cache.get(key)).toEqual({ title: 'Dune' });
      expect(await cache.counter(`${key}:v`)).toBe(0);
      await cache.bump(`${key}:v`);
      await cache.bump(`${key}:v`);
      expect(await cache.counter(`${key}:v`)).toBe(2);
    } finally {
      await cache.close();
    }
  });

  it('degrades to misses, quickly and without throwing, when Redis is unreachable', async () => {
    // Nothing listens on port 1: a real outage, not a mock.
    const cache = await RedisCacheAdapter.connect('redis://127.0.0.1:1/0', 200);
    const started = Date.now();
    try {
      await expect(cache.get('any')).resolves.toBeUndefined();
      await expect(cache.set('any', 1, 1000)).resolves.toBeUndefined();
      await expect(cache.counter('any')).resolves.toBeUndefined();
      await expect(cache.bump('any')).resolves.toBeUndefined();
      expect(Date.now() - started).toBeLessThan(2000);
    } finally {
      await cache.close();
    }
  });
});
