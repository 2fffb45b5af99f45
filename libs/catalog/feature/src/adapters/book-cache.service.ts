import type { BookDto, BookPageDto, ListBooksQuery } from '@bookstore/shared/contracts';
import { Inject, Injectable } from '@nestjs/common';

import { CACHE_PORT, CATALOG_CONFIG } from '../catalog.tokens';
import type { CatalogConfig } from '../config/catalog.config';
import type { CachePort } from './cache.port';
import { bookKey, bookVersionKey, LIST_GENERATION_KEY, listKey } from './cache-keys';

/**
 * Read-through caching of books and list pages. Entries are keyed by a version counter read
 * BEFORE MongoDB is, and writers bump the counter AFTER their write, so a reader racing a writer can
 * only store its (possibly old) value under the old version, which nobody reads again: a read that
 * starts after a write completed never sees the old value. When the counter cannot be read
 * (Redis down or slow) the read goes straight to MongoDB and nothing is cached.
 */
@Injectable()
export class BookCacheService {
  constructor(
    @Inject(CACHE_PORT) private readonly cache: CachePort,
    @Inject(CATALOG_CONFIG) private readonly config: CatalogConfig,
  ) {}

  async book(id: string, load: () => Promise<BookDto>): Promise<BookDto> {
    const version = await this.cache.counter(bookVersionKey(id));
    return this.readThrough(version === undefined ? undefined : bookKey(id, version), load);
  }

  async list(query: ListBooksQuery, load: () => Promise<BookPageDto>): Promise<BookPageDto> {
    const generation = await this.cache.counter(LIST_GENERATION_KEY);
    return this.readThrough(generation === undefined ? undefined : listKey(generation, query), load);
  }

  /** After any change to a book: its own entry and every list page are stale. */
  async bookChanged(id: string): Promise<void> {
    await Promise.all([this.cache.bump(bookVersionKey(id)), this.cache.bump(LIST_GENERATION_KEY)]);
  }

  /** After a change that can only affect lists (a new book). */
  async listsChanged(): Promise<void> {
    await this.cache.bump(LIST_GENERATION_KEY);
  }

  private async readThrough<T>(key: string | undefined, load: () => Promise<T>): Promise<T> {
    if (key === undefined) return load();
    const hit = await this.cache.get<T>(key);
    if (hit !== undefined) return hit;
    const value = await load();
    await this.cache.set(key, value, this.config.CATALOG_CACHE_TTL_MS);
    return value;
  }
}
