import type { BookPageDto, ListBooksQuery } from '@bookstore/shared/contracts';
import { Injectable } from '@nestjs/common';

import { BookCacheService } from '../../adapters/book-cache.service';
import { invalidPriceRange } from '../../catalog.errors';
import { toBookDto } from '../../persistence/book.mapper';
import { BooksRepository } from '../../persistence/books.repository';
import { bookListCriteria } from './book-list-criteria';

/** `GET /books`: one page of live books, cached per query and list generation. */
@Injectable()
export class ListBooksHandler {
  constructor(
    private readonly books: BooksRepository,
    private readonly cache: BookCacheService,
  ) {}

  execute(query: ListBooksQuery): Promise<BookPageDto> {
    if (
      query.minPriceCents !== undefined &&
      query.maxPriceCents !== undefined &&
      query.minPriceCents > query.maxPriceCents
    ) {
      throw invalidPriceRange();
    }
    return this.cache.list(query, async () => {
      const criteria = bookListCriteria(query);
      const { items, total } = await this.books.page(criteria);
      return { items: items.map(toBookDto), total, page: query.page ?? 1, limit: criteria.limit };
    });
  }
}
