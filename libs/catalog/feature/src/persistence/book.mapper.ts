import type { BookDto, BookSnapshotPayload, BookSummary } from '@bookstore/shared/contracts';

import type { Book, NewBook } from './book.schema';

/** What a new book is made of (an admin's POST or a demo entry), its ISBN already normalised. */
export interface NewBookInput {
  title: string;
  author: string;
  description?: string;
  genres?: string[];
  priceCents: number;
  stock?: number;
}

/** The stored fields of a new book: optional fields defaulted, the ISBN also as the unique key. */
export function toNewBook(input: NewBookInput, isbn: string): NewBook {
  return {
    title: input.title,
    author: input.author,
    isbn,
    isbnKey: isbn,
    description: input.description ?? '',
    genres: input.genres ?? [],
    priceCents: input.priceCents,
    stock: input.stock ?? 0,
  };
}

/** The public shape of a stored book. */
export function toBookDto(book: Book): BookDto {
  return {
    id: book._id.toHexString(),
    title: book.title,
    author: book.author,
    isbn: book.isbn,
    description: book.description ?? '',
    genres: book.genres ?? [],
    priceCents: book.priceCents,
    stock: book.stock,
    createdAt: new Date(book.createdAt).toISOString(),
    updatedAt: new Date(book.updatedAt).toISOString(),
  };
}

/** What `catalog.books.lookup` answers per book. */
export function toBookSummary(book: Book): BookSummary {
  return { id: book._id.toHexString(), title: book.title, priceCents: book.priceCents, stock: book.stock };
}

/** The state a book event carries, for a book as it will be after the write. */
export function toBookSnapshot(
  id: string,
  book: Pick<Book, 'title' | 'author' | 'isbn' | 'priceCents' | 'stock'>,
): BookSnapshotPayload {
  return {
    bookId: id,
    title: book.title,
    author: book.author,
    isbn: book.isbn,
    priceCents: book.priceCents,
    stock: book.stock,
  };
}
