import type { BookDto } from '@bookstore/shared/contracts';
import { Injectable } from '@nestjs/common';
import { isValidObjectId } from 'mongoose';

import { BookCacheService } from '../../adapters/book-cache.service';
import { bookNotFound } from '../../catalog.errors';
import { toBookDto } from '../../persistence/book.mapper';
import { BooksRepository } from '../../persistence/books.repository';

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
