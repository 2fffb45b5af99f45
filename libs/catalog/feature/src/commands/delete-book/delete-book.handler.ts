import { Injectable } from '@nestjs/common';

import { BookCacheService } from '../../adapters/book-cache.service';
import { BooksRepository } from '../../persistence/books.repository';

/**
 * `DELETE /books/:id`: a soft delete with its `book.deleted` event. The ISBN is freed for a new
 * book (its unique key becomes a tombstone); orders keep referring to the id.
 */
@Injectable()
export class DeleteBookHandler {
  constructor(
    private readonly books: BooksRepository,
    private readonly cache: BookCacheService,
  ) {}

  async execute(id: string): Promise<void> {
    await this.books.softDelete(id);
    await this.cache.bookChanged(id);
  }
}
