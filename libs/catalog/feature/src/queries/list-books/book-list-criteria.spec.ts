import { ListBooksQuery } from '@bookstore/shared/contracts';
import { plainToInstance } from 'class-transformer';

import { bookListCriteria, literalPattern } from './book-list-criteria';

const query = (plain: Record<string, unknown>) => plainToInstance(ListBooksQuery, plain);

describe('book list criteria', () => {
  it('lists live books by title with _id as tie-breaker by default', () => {
    expect(bookListCriteria(query({}))).toEqual({
      filter: { deletedAt: null },
      sort: { title: 1, _id: 1 },
      skip: 0,
      limit: 20,
    });
  });

  it('pages and sorts descending with a descending tie-breaker', () => {
    const criteria = bookListCriteria(query({ page: 3, limit: 10, sort: '-priceCents' }));
    expect(criteria.sort).toEqual({ priceCents: -1, _id: -1 });
    expect(criteria.skip).toBe(20);
    expect(criteria.limit).toBe(10);
  });

  it('escapes regex syntax in the search text', () => {
    const pattern = literalPattern('C++ (3rd ed.)*');
    expect(pattern.test('Learning c++ (3rd ed.)* today')).toBe(true);
    expect(pattern.test('C (3rd ed)')).toBe(false);
  });

  it('builds the search and filters', () => {
    const { filter } = bookListCriteria(
      query({ q: 'dune', author: 'herbert', genre: 'SciFi', minPriceCents: 100, maxPriceCents: 900 }),
    );
    expect(filter.$or).toHaveLength(3);
    expect((filter.genres as RegExp).test('scifi')).toBe(true);
    expect((filter.genres as RegExp).test('scifi-classic')).toBe(false);
    expect(filter.priceCents).toEqual({ $gte: 100, $lte: 900 });
  });
});
