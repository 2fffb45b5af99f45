import { BOOK_DELETED } from '@bookstore/shared/contracts';
import { createEnvelope } from '@bookstore/shared/messaging';
import { Injectable } from '@nestjs/common';

import { BookWriter } from '../../books/book-writer';
import { BooksRepository } from '../../books/books.repository';

/**
 * `DELETE /books/:id`: a soft delete with its `book.deleted` event. The ISBN is freed for a new
 * book (its unique key becomes a tombstone); orders keep referring to the id.
 */
@Injectable()
export class DeleteBookHandler {
  constructor(
    private readonly books: BooksRepository,
    private readonly writer: BookWriter,
  ) {}

  async execute(id: string): Promise<void> {
    await this.writer.change(id, (current) =>
      this.books.updateAtRevision(
        current._id,
        current.revision,
        { $set: { deletedAt: new Date(), isbnKey: `deleted:${id}` } },
        createEnvelope(BOOK_DELETED, { bookId: id }),
      ),
    );
  }
}
