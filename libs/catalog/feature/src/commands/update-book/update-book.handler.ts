import type { BookDto, UpdateBookDto } from '@bookstore/shared/contracts';
import { BOOK_UPDATED } from '@bookstore/shared/contracts';
import { createEnvelope } from '@bookstore/shared/messaging';
import { Injectable } from '@nestjs/common';

import { toBookDto, toBookSnapshot } from '../../books/book.mapper';
import type { Book } from '../../books/book.schema';
import { BookWriter } from '../../books/book-writer';
import { BooksRepository } from '../../books/books.repository';
import { duplicateIsbn, requireIsbn } from '../create-book/create-book.handler';

/** `PATCH /books/:id`: the given fields and a `book.updated` event, in one conditional write. */
@Injectable()
export class UpdateBookHandler {
  constructor(
    private readonly books: BooksRepository,
    private readonly writer: BookWriter,
  ) {}

  async execute(id: string, dto: UpdateBookDto): Promise<BookDto> {
    const isbn = dto.isbn === undefined ? undefined : requireIsbn(dto.isbn);
    const changes: Partial<Book> = {
      ...(dto.title !== undefined && { title: dto.title }),
      ...(dto.author !== undefined && { author: dto.author }),
      ...(isbn !== undefined && { isbn, isbnKey: isbn }),
      ...(dto.description !== undefined && { description: dto.description }),
      ...(dto.genres !== undefined && { genres: dto.genres }),
      ...(dto.priceCents !== undefined && { priceCents: dto.priceCents }),
    };
    const book = await this.writer.change(
      id,
      async (current) => {
        if (Object.keys(changes).length === 0) return undefined;
        const next = { ...current, ...changes };
        return this.books.updateAtRevision(
          current._id,
          current.revision,
          { $set: changes },
          createEnvelope(BOOK_UPDATED, toBookSnapshot(id, next)),
        );
      },
      () => duplicateIsbn(isbn ?? ''),
    );
    return toBookDto(book);
  }
}
