import { Logger } from '@nestjs/common';
import type { Cache } from 'cache-manager';
import { caching } from 'cache-manager';
import type { RedisStore } from 'cache-manager-ioredis-yet';
import { redisStore } from 'cache-manager-ioredis-yet';

import type { CachePort } from './cache.port';

/**
 * The cache port over Redis (cache-manager v5 + cache-manager-ioredis-yet). Every call is bounded
 * by `timeoutMs`; failures are logged (at most once per ten seconds) and swallowed.
 */
export class RedisCacheAdapter implements CachePort {
  private readonly logger = new Logger('CatalogCache');
  private lastWarning = 0;

  private constructor(
    private readonly cache: Cache<RedisStore>,
    private readonly timeoutMs: number,
  ) {}

  static async connect(url: string, timeoutMs: number): Promise<RedisCacheAdapter> {
    const parsed = new URL(url);
    const store = await redisStore({
      host: parsed.hostname,
      port: Number(parsed.port || 6379),
      db: Number(parsed.pathname.replace('/', '') || 0),
      username: decodeURIComponent(parsed.username) || undefined,
      password: decodeURIComponent(parsed.password) || undefined,
      tls: parsed.protocol === 'rediss:' ? {} : undefined,
      // Fail fast while Redis is away instead of queueing reads behind a dead connection.
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      connectTimeout: 2000,
    });
    store.client.on('error', () => undefined);
    // Without an offline queue, calls fail until the connection is up: wait for it, briefly, so a
    // Redis that is down at start-up delays nothing (reads then go to MongoDB until it is back).
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, 2000);
      store.client.once('ready', () => {
        clearTimeout(timer);
        resolve();
      });
    });
    return new RedisCacheAdapter(await caching(store), timeoutMs);
  }

  get<T>(key: string): Promise<T | undefined> {
    return this.bounded('get', () => this.cache.get<T>(key), undefined);
  }

  set(key: string, value: unknown, ttlMs: number): Promise<void> {
    return this.bounded('set', () => this.cache.set(key, value, ttlMs), undefined);
  }

  counter(key: string): Promise<number | undefined> {
    return this.bounded(
      'counter',
      async () => Number((await this.cache.store.client.get(key)) ?? 0),
      undefined,
    );
  }

  bump(key: string): Promise<void> {
    return this.bounded(
      'bump',
      async () => {
        await this.cache.store.client.incr(key);
      },
      undefined,
    );
  }

  async close(): Promise<void> {
    this.cache.store.client.disconnect();
  }

  private async bounded<T>(operation: string, call: () => Promise<T>, fallback: T): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    try {
      return await Promise.race([
        call(),
        new Promise<never>((_, reject) => {
          timer = setTimeout(
            () => reject(new Error(`no answer within ${this.timeoutMs} ms`)),
            this.timeoutMs,
          );
        }),
      ]);
    } catch (error) {
      this.warn(operation, error);
      return fallback;
    } finally {
      if (timer) clearTimeout(timer);
    }
  }

  private warn(operation: string, error: unknown): void {
    const now = Date.now();
    if (now - this.lastWarning < 10_000) return;
    this.lastWarning = now;
    this.logger.warn({
      msg: 'cache unavailable; reading from MongoDB',
      operation,
      error: error instanceof Error ? error.message : String(error),
    });
  }
}
