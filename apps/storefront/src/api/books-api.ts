import { api } from './api-client';
import type { Book, Page } from './types';

/** The catalog's sort orders (shared/API.md) with the labels the storefront shows. */
export const BOOK_SORTS = [
  { value: 'title', label: 'Title A–Z' },
  { value: '-title', label: 'Title Z–A' },
  { value: 'priceCents', label: 'Price, low to high' },
  { value: '-priceCents', label: 'Price, high to low' },
  { value: '-createdAt', label: 'Newest first' },
  { value: 'createdAt', label: 'Oldest first' },
] as const;

/** The catalog's list filters, as the URL of the catalog page keeps them. */
export interface BookFilters {
  q?: string;
  author?: string;
  genre?: string;
  minPriceCents?: number;
  maxPriceCents?: number;
  sort?: string;
  page?: number;
  limit?: number;
}

/** The catalog routes the customer side uses (shared/API.md, Catalog). */
export const booksApi = {
  list: (filters: BookFilters, signal?: AbortSignal) => api.get<Page<Book>>('/books', { ...filters }, signal),
  get: (id: string, signal?: AbortSignal) =>
    api.get<Book>(`/books/${encodeURIComponent(id)}`, undefined, signal),
};
