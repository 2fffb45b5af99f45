import type { BookSort, ListBooksQuery } from '@bookstore/shared/contracts';
import type { QueryFilter, SortOrder } from 'mongoose';

import type { Book } from '../../persistence/book.schema';
import type { BookListCriteria } from '../../persistence/books.repository';

const SORT_FIELDS: Record<BookSort, [keyof Book, SortOrder]> = {
  title: ['title', 1],
  '-title': ['title', -1],
  priceCents: ['priceCents', 1],
  '-priceCents': ['priceCents', -1],
  createdAt: ['createdAt', 1],
  '-createdAt': ['createdAt', -1],
};

/** A user's text as a literal, case-insensitive pattern (substring search; `$text` matches whole words only). */
export function literalPattern(text: string, anchored = false): RegExp {
  const escaped = text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(anchored ? `^${escaped}$` : escaped, 'i');
}

/**
 * The MongoDB filter and sort of a list query: live books only, `_id` as the last sort key so
 * equal titles or prices keep one order across pages.
 */
export function bookListCriteria(query: ListBooksQuery): BookListCriteria {
  const filter: QueryFilter<Book> = { deletedAt: null };
  const q = query.q?.trim();
  if (q) {
    const pattern = literalPattern(q);
    filter.$or = [{ title: pattern }, { author: pattern }, { description: pattern }];
  }
  const author = query.author?.trim();
  if (author) filter.author = literalPattern(author);
  const genre = query.genre?.trim();
  if (genre) filter.genres = literalPattern(genre, true);
  if (query.minPriceCents !== undefined || query.maxPriceCents !== undefined) {
    filter.priceCents = {
      ...(query.minPriceCents !== undefined && { $gte: query.minPriceCents }),
      ...(query.maxPriceCents !== undefined && { $lte: query.maxPriceCents }),
    };
  }
  const [field, order] = SORT_FIELDS[query.sort ?? 'title'];
  const page = query.page ?? 1;
  const limit = query.limit ?? 20;
  return { filter, sort: { [field]: order, _id: order }, skip: (page - 1) * limit, limit };
}
