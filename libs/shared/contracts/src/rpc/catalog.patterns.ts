/** Request/reply patterns served by the catalog service (`catalog.rpc` queue). */
export const CATALOG_PATTERNS = {
  /** ListBooksQuery → Page<BookDto> */
  listBooks: 'catalog.books.list',
  /** BookIdRequest → BookDto */
  getBook: 'catalog.books.get',
  /** CreateBookDto → BookDto (admin) */
  createBook: 'catalog.books.create',
  /** UpdateBookRequest → BookDto (admin) */
  updateBook: 'catalog.books.update',
  /** BookIdRequest → void (admin) */
  deleteBook: 'catalog.books.delete',
  /** AdjustStockRequest → IdempotentReply<BookDto> (admin) */
  adjustStock: 'catalog.books.stock',
  /** LookupBooksRequest `{ ids }` → BookSummary[] of the existing, non-deleted books among them */
  lookupBooks: 'catalog.books.lookup',
} as const;
