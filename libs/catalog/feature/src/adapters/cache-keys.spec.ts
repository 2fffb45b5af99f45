import { ListBooksQuery } from '@bookstore/shared/contracts';
import { plainToInstance } from 'class-transformer';

import { bookKey, bookVersionKey, canonicalListQuery, LIST_GENERATION_KEY, listKey } from './cache-keys';

const query = (plain: Record<string, unknown>) => plainToInstance(ListBooksQuery, plain);

describe('cache keys', () => {
  it('keys a book by id and version, so a bumped version never reads an old copy', () => {
    expect(bookKey('abc', 3)).toBe('catalog:book:abc:3');
    expect(bookKey('abc', 4)).not.toBe(bookKey('abc', 3));
    expect(bookVersionKey('abc')).toBe('catalog:book:abc:v');
    expect(bookVersionKey('abc')).not.toBe(bookVersionKey('abd'));
  });

  it('gives equal queries one key whatever the order or defaults', () => {
    const a = query({ genre: 'Fiction', q: ' dune ', page: 1 });
    const b = query({ q: 'dune', genre: 'fiction', limit: 20, sort: 'title' });
    expect(canonicalListQuery(a)).toBe(canonicalListQuery(b));
    expect(listKey(7, a)).toBe(listKey(7, b));
  });

  it('separates different pages, filters, sorts and generations', () => {
    const base = query({ q: 'dune' });
    const keys = new Set([
      listKey(1, base),
      listKey(2, base),
      listKey(1, query({ q: 'dune', page: 2 })),
      listKey(1, query({ q: 'dune', sort: '-priceCents' })),
      listKey(1, query({ q: 'dune', minPriceCents: 100 })),
      listKey(1, query({ q: 'dune', maxPriceCents: 100 })),
      listKey(1, query({ q: 'dune', author: 'Herbert' })),
    ]);
    expect(keys.size).toBe(7);
    expect(listKey(1, base).startsWith('catalog:books:list:1:')).toBe(true);
    expect(LIST_GENERATION_KEY).toBe('catalog:books:gen');
  });
});
