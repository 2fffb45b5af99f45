import type { BookDto, CreateBookDto } from '@bookstore/shared/contracts';
import { Injectable } from '@nestjs/common';

import { BookCacheService } from '../../adapters/book-cache.service';
import { duplicateIsbn, requireIsbn } from '../../catalog.errors';
import { toBookDto, toNewBook } from '../../persistence/book.mapper';
import { BooksRepository } from '../../persistence/books.repository';

/** `POST /books`: a new book and its `book.created` event, in one insert. */
@Injectable()
export class CreateBookHandler {
  constructor(
    private readonly books: BooksRepository,
    private readonly cache: BookCacheService,
  ) {}

  async execute(dto: CreateBookDto): Promise<BookDto> {
    const isbn = requireIsbn(dto.isbn);
    const created = await this.books.create(toNewBook(dto, isbn));
    if (!created) throw duplicateIsbn(isbn);
    await this.cache.listsChanged();
    return toBookDto(created);
  }
}
