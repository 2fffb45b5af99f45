import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';

import { ListBooksQuery } from '../catalog/list-books.query';
import { PaginationQuery } from './pagination.query';

/** What the gateway's ValidationPipe does with a query string: transform, then validate. */
function check<T extends object>(type: new () => T, query: Record<string, unknown>) {
  const value = plainToInstance(type, query);
  return { value, errors: validateSync(value, { whitelist: true, forbidNonWhitelisted: true }) };
}

describe('PaginationQuery', () => {
  it('reads page and limit written in decimal digits, with defaults when absent', () => {
    expect(check(PaginationQuery, { page: '3', limit: '50' })).toMatchObject({
      value: { page: 3, limit: 50 },
      errors: [],
    });
    expect(check(PaginationQuery, {}).value).toMatchObject({ page: 1, limit: 20 });
  });

  it.each(['0x10', '1e2', ' 5', '', '1e309', '2.5', 'NaN', 'Infinity'])(
    'refuses page=%j: Number() would read some of these as numbers',
    (page) => {
      expect(check(PaginationQuery, { page }).errors.map((e) => e.property)).toEqual(['page']);
    },
  );

  it('refuses a repeated parameter (an array) as not an integer', () => {
    const { errors } = check(PaginationQuery, { limit: ['10', '20'] });
    expect(errors).toHaveLength(1);
    expect(Object.values(errors[0].constraints ?? {})).toContain('limit must be an integer number');
  });

  it('keeps numbers a service receives over RPC', () => {
    expect(check(PaginationQuery, { page: 2, limit: 10 })).toMatchObject({ value: { page: 2 }, errors: [] });
  });
});

describe('ListBooksQuery', () => {
  it('reads price bounds in decimal digits only', () => {
    expect(check(ListBooksQuery, { minPriceCents: '100' }).value.minPriceCents).toBe(100);
    expect(check(ListBooksQuery, { maxPriceCents: '0x10' }).errors.map((e) => e.property)).toEqual([
      'maxPriceCents',
    ]);
  });
});
