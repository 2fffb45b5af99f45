import { CATALOG_ERRORS } from '@bookstore/catalog/domain';
import type { BookDto } from '@bookstore/shared/contracts';
import { BOOK_UPDATED, DomainError } from '@bookstore/shared/contracts';
import { createEnvelope } from '@bookstore/shared/messaging';
import { Injectable } from '@nestjs/common';

import { toBookDto, toBookSnapshot } from '../../books/book.mapper';
import { BookWriter } from '../../books/book-writer';
import { BooksRepository } from '../../books/books.repository';

/**
 * `POST /books/:id/stock`: a restock (delta > 0) or write-off (delta < 0). Stock never goes below
 * zero: a write-off larger than what is on hand is a 409 `CATALOG.INSUFFICIENT_STOCK`.
 */
@Injectable()
export class AdjustStockHandler {
  constructor(
    private readonly books: BooksRepository,
    private readonly writer: BookWriter,
  ) {}

  async execute(id: string, delta: number): Promise<BookDto> {
    const book = await this.writer.change(id, async (current) => {
      const stock = current.stock + delta;
      if (stock < 0) {
        throw DomainError.conflict(
          CATALOG_ERRORS.insufficientStock,
          `Only ${current.stock} in stock; cannot remove ${-delta}`,
          { stock: current.stock, delta },
        );
      }
      return this.books.updateAtRevision(
        current._id,
        current.revision,
        { $inc: { stock: delta } },
        createEnvelope(BOOK_UPDATED, toBookSnapshot(id, { ...current, stock })),
      );
    });
    return toBookDto(book);
  }
}
