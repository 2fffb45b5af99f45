import type { BookSummary } from '@bookstore/shared/contracts';
import { Injectable } from '@nestjs/common';

import { toBookSummary } from '../../persistence/book.mapper';
import { BooksRepository } from '../../persistence/books.repository';

/**
 * `catalog.books.lookup` for the orders service: the existing, non-deleted books among `ids`
 * (unknown or malformed ids are simply absent), read from MongoDB so prices and stock are current.
 */
@Injectable()
export class LookupBooksHandler {
  constructor(private readonly books: BooksRepository) {}

  async execute(ids: string[]): Promise<BookSummary[]> {
    const found = await this.books.findLiveByIds(ids);
    return found.map(toBookSummary);
  }
}
