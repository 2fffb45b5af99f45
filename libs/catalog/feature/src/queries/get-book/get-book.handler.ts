import { CATALOG_ERRORS } from '@bookstore/catalog/domain';
import type { BookDto } from '@bookstore/shared/contracts';
import { DomainError } from '@bookstore/shared/contracts';
import { Injectable } from '@nestjs/common';
import { isValidObjectId } from 'mongoose';

import { toBookDto } from '../../books/book.mapper';
import { BooksRepository } from '../../books/books.repository';
import { BookCacheService } from '../../cache/book-cache.service';

/** `GET /books/:id`: a live book, cached; a malformed or unknown id is "not found". */
@Injectable()
export class GetBookHandler {
  constructor(
    private readonly books: BooksRepository,
    private readonly cache: BookCacheService,
  ) {}

  execute(id: string): Promise<BookDto> {
    if (!isValidObjectId(id)) throw bookNotFound(id);
    // A miss is not cached: the loader throws, so a book created later is seen at once.
    return this.cache.book(id, async () => {
      const book = await this.books.findLive(id);
      if (!book) throw bookNotFound(id);
      return toBookDto(book);
    });
  }
}

export function bookNotFound(id: string): DomainError {
  return DomainError.notFound(CATALOG_ERRORS.bookNotFound, `Book ${id} not found`);
}
