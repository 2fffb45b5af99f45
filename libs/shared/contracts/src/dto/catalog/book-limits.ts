/** Bounds of book fields, shared by the gateway DTOs and the catalog service. */
export const BOOK_LIMITS = {
  title: 300,
  author: 200,
  description: 5000,
  genres: 20,
  genre: 50,
  maxPriceCents: 100_000_000,
  maxStock: 1_000_000,
  query: 200,
} as const;
