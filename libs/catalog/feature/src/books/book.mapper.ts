import type { BookDto, BookSnapshotPayload, BookSummary } from '@bookstore/shared/contracts';

import type { Book } from './book.schema';

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
