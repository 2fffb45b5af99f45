import { CATALOG_ERRORS, normalizeIsbn } from '@bookstore/catalog/domain';
import type { BookDto, CreateBookDto } from '@bookstore/shared/contracts';
import { BOOK_CREATED, DomainError } from '@bookstore/shared/contracts';
import { createEnvelope, OutboxRelay } from '@bookstore/shared/messaging';
import { Inject, Injectable } from '@nestjs/common';

import { toBookDto, toBookSnapshot, toNewBook } from '../../books/book.mapper';
import { Book } from '../../books/book.schema';
import { BooksRepository } from '../../books/books.repository';
import { BookCacheService } from '../../cache/book-cache.service';
import { CATALOG_OUTBOX } from '../../catalog.tokens';

/** `POST /books`: a new book and its `book.created` event, in one insert. */
@Injectable()
export class CreateBookHandler {
  constructor(
    private readonly books: BooksRepository,
    private readonly cache: BookCacheService,
    @Inject(CATALOG_OUTBOX) private readonly relay: OutboxRelay,
  ) {}

  async execute(dto: CreateBookDto): Promise<BookDto> {
    const isbn = requireIsbn(dto.isbn);
    const id = this.books.newId();
    const book = toNewBook(dto, isbn);
    const created = await this.books.insert(
      id,
      book,
      createEnvelope(BOOK_CREATED, toBookSnapshot(id.toHexString(), book)),
    );
    if (created === false) throw duplicateIsbn(isbn);
    this.relay.kick({ model: Book.name, id: id.toHexString() });
    await this.cache.listsChanged();
    return toBookDto(created);
  }
}

/** The 13-digit form of a valid ISBN, or a 400 naming the problem. */
export function requireIsbn(raw: string): string {
  const isbn = normalizeIsbn(raw);
  if (!isbn) {
    throw DomainError.validation(CATALOG_ERRORS.invalidIsbn, 'isbn must be a valid ISBN-10 or ISBN-13');
  }
  return isbn;
}

export function duplicateIsbn(isbn: string): DomainError {
  return DomainError.conflict(CATALOG_ERRORS.duplicateIsbn, `A book with ISBN ${isbn} already exists`);
}
