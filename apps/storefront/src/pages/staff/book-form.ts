import type { Book } from '../../api/types';
import { formatMoney, parseMoney } from '../../format/money';
import type { BookFields } from './staff-api';

/** The book form's inputs, as typed. */
export interface BookFormValues {
  title: string;
  author: string;
  isbn: string;
  description: string;
  genres: string;
  price: string;
  stock: string;
}

/** An empty form for a new book. */
export const EMPTY_BOOK_FORM: BookFormValues = {
  title: '',
  author: '',
  isbn: '',
  description: '',
  genres: '',
  price: '',
  stock: '0',
};

/** The form filled with a book's current values. */
export function bookFormValues(book: Book): BookFormValues {
  return {
    title: book.title,
    author: book.author,
    isbn: book.isbn,
    description: book.description ?? '',
    genres: book.genres.join(', '),
    price: formatMoney(book.priceCents).replace(/[^0-9.]/g, ''),
    stock: String(book.stock),
  };
}

/** What the form sends, or the messages of what the browser can already tell is wrong. */
export type ParsedBookForm =
  { ok: true; fields: BookFields; stock: number } | { ok: false; errors: string[] };

/**
 * The form's values as the API's body. Only what needs converting is checked here (the price from
 * money to cents, the stock to a whole number, genres split at commas); every other rule is the
 * API's, whose messages the page shows as they come.
 */
export function parseBookForm(values: BookFormValues): ParsedBookForm {
  const errors: string[] = [];
  const priceCents = parseMoney(values.price);
  if (priceCents === undefined) errors.push('Price must be an amount such as 12.99.');
  const stock = Number(values.stock.trim());
  if (values.stock.trim() === '' || !Number.isInteger(stock) || stock < 0)
    errors.push('Stock must be a whole number, 0 or more.');
  if (errors.length > 0 || priceCents === undefined) return { ok: false, errors };
  const description = values.description.trim();
  return {
    ok: true,
    stock,
    fields: {
      title: values.title.trim(),
      author: values.author.trim(),
      isbn: values.isbn.trim(),
      ...(description ? { description } : {}),
      genres: values.genres
        .split(',')
        .map((genre) => genre.trim())
        .filter(Boolean),
      priceCents,
    },
  };
}

/** A stock change typed as a number of copies: positive for a restock, negative for a write-off. */
export function stockDelta(copies: string, direction: 'restock' | 'write-off'): number | undefined {
  const n = Number(copies.trim());
  if (copies.trim() === '' || !Number.isInteger(n) || n < 1) return undefined;
  return direction === 'restock' ? n : -n;
}
