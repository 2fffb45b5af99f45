import type { BookDto } from '@bookstore/shared/contracts';
import { Injectable } from '@nestjs/common';

import { BookCacheService } from '../../adapters/book-cache.service';
import { insufficientStock } from '../../catalog.errors';
import { toBookDto } from '../../persistence/book.mapper';
import { BooksRepository } from '../../persistence/books.repository';

/**
 * `POST /books/:id/stock`: a restock (delta > 0) or write-off (delta < 0), with a `book.updated`
 * snapshot of the stock it leaves. A read-modify-write conditional on the book's revision
 * (`BooksRepository.edit`), which reservations bump too: the snapshot is what was stored, and a
 * write-off larger than what is on hand is a 409 `CATALOG.INSUFFICIENT_STOCK`.
 */
@Injectable()
export class AdjustStockHandler {
  constructor(
    private readonly books: BooksRepository,
    private readonly cache: BookCacheService,
  ) {}

  async execute(id: string, delta: number): Promise<BookDto> {
    const book = await this.books.edit(id, (current) => {
      const stock = current.stock + delta;
      if (stock < 0) throw insufficientStock(current.stock, delta);
      return { stock };
    });
    await this.cache.bookChanged(id);
    return toBookDto(book);
  }
}
