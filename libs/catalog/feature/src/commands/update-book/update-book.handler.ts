import type { BookDto, UpdateBookDto } from '@bookstore/shared/contracts';
import { Injectable } from '@nestjs/common';

import { BookCacheService } from '../../adapters/book-cache.service';
import { requireIsbn } from '../../catalog.errors';
import { toBookDto } from '../../persistence/book.mapper';
import type { BookChanges } from '../../persistence/books.repository';
import { BooksRepository } from '../../persistence/books.repository';

/** `PATCH /books/:id`: the given fields and a `book.updated` event, in one conditional write. */
@Injectable()
export class UpdateBookHandler {
  constructor(
    private readonly books: BooksRepository,
    private readonly cache: BookCacheService,
  ) {}

  async execute(id: string, dto: UpdateBookDto): Promise<BookDto> {
    const isbn = dto.isbn === undefined ? undefined : requireIsbn(dto.isbn);
    const changes: BookChanges = {
      ...(dto.title !== undefined && { title: dto.title }),
      ...(dto.author !== undefined && { author: dto.author }),
      ...(isbn !== undefined && { isbn, isbnKey: isbn }),
      ...(dto.description !== undefined && { description: dto.description }),
      ...(dto.genres !== undefined && { genres: dto.genres }),
      ...(dto.priceCents !== undefined && { priceCents: dto.priceCents }),
    };
    const changed = Object.keys(changes).length > 0;
    const book = await this.books.edit(id, () => (changed ? changes : undefined));
    if (changed) await this.cache.bookChanged(id);
    return toBookDto(book);
  }
}
