import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';

import type { BookFilters } from '../api/books-api';
import { BOOK_SORTS, booksApi } from '../api/books-api';
import type { Book } from '../api/types';
import { PageHeading } from '../components/page-heading';
import { centsParam, hrefWith, positiveInt } from '../components/page-query';
import { PagedList } from '../components/paged-list';
import { StockLabel } from '../components/stock-label';
import { TextField } from '../components/text-field';
import { useResource } from '../components/use-resource';
import { formatMoney, parseMoney } from '../format/money';

const PAGE_SIZE = 12;

/** The catalog: search, filters and sort live in the URL, so a result can be bookmarked and shared. */
export function CatalogPage() {
  const { query, route } = useLocation();
  const filters: BookFilters = {
    q: query['q'] || undefined,
    author: query['author'] || undefined,
    genre: query['genre'] || undefined,
    minPriceCents: centsParam(query['minPriceCents']),
    maxPriceCents: centsParam(query['maxPriceCents']),
    sort: query['sort'] || undefined,
    page: positiveInt(query['page'], 1),
    limit: PAGE_SIZE,
  };
  const key = JSON.stringify(filters);
  const books = useResource((signal) => booksApi.list(filters, signal), [key]);
  const apply = (next: BookFilters) => route(hrefWith('/', { ...next, limit: undefined }));

  return (
    <section>
      <PageHeading title="Books">Books</PageHeading>
      <CatalogFilters key={key} filters={filters} onApply={(next) => apply({ ...next, page: 1 })} />
      <PagedList
        list={books}
        loadingLabel="Loading books…"
        empty="No books match. Try fewer filters."
        hrefFor={(page) => hrefWith('/', { ...filters, limit: undefined, page })}
        summary={({ total }) => (
          <p class="muted" aria-live="polite">
            {total === 1 ? '1 book' : `${total} books`}
          </p>
        )}
      >
        {(items) => (
          <ul class="book-grid">
            {items.map((book) => (
              <BookCard key={book.id} book={book} />
            ))}
          </ul>
        )}
      </PagedList>
    </section>
  );
}

function BookCard({ book }: { book: Book }) {
  return (
    <li class="card book-card">
      <h2>
        <a href={`/books/${book.id}`}>{book.title}</a>
      </h2>
      <span class="muted">{book.author}</span>
      <span class="price money">{formatMoney(book.priceCents)}</span>
      <StockLabel stock={book.stock} />
    </li>
  );
}

/** The search form; prices are typed in dollars and sent in cents. */
function CatalogFilters({
  filters,
  onApply,
}: {
  filters: BookFilters;
  onApply: (filters: BookFilters) => void;
}) {
  const [q, setQ] = useState(filters.q ?? '');
  const [author, setAuthor] = useState(filters.author ?? '');
  const [genre, setGenre] = useState(filters.genre ?? '');
  const [minPrice, setMinPrice] = useState(centsText(filters.minPriceCents));
  const [maxPrice, setMaxPrice] = useState(centsText(filters.maxPriceCents));
  const [sort, setSort] = useState(filters.sort ?? '');
  const [problem, setProblem] = useState<string>();

  const submit = (event: Event, overrides: Partial<BookFilters> = {}) => {
    event.preventDefault();
    const minPriceCents = minPrice.trim() ? parseMoney(minPrice) : undefined;
    const maxPriceCents = maxPrice.trim() ? parseMoney(maxPrice) : undefined;
    if (
      (minPrice.trim() && minPriceCents === undefined) ||
      (maxPrice.trim() && maxPriceCents === undefined)
    ) {
      setProblem('Prices are amounts like 12 or 12.50.');
      return;
    }
    if (minPriceCents !== undefined && maxPriceCents !== undefined && minPriceCents > maxPriceCents) {
      setProblem('The lowest price is above the highest.');
      return;
    }
    setProblem(undefined);
    onApply({
      q: q.trim() || undefined,
      author: author.trim() || undefined,
      genre: genre.trim() || undefined,
      minPriceCents,
      maxPriceCents,
      sort: sort || undefined,
      ...overrides,
    });
  };

  return (
    <form role="search" aria-label="Search books" class="filters" onSubmit={submit}>
      <TextField label="Search" type="search" name="q" value={q} onValue={setQ} />
      <TextField label="Author" name="author" value={author} onValue={setAuthor} />
      <TextField label="Genre" name="genre" value={genre} onValue={setGenre} />
      <TextField
        label="Min price ($)"
        name="minPrice"
        inputMode="decimal"
        value={minPrice}
        onValue={setMinPrice}
      />
      <TextField
        label="Max price ($)"
        name="maxPrice"
        inputMode="decimal"
        value={maxPrice}
        onValue={setMaxPrice}
      />
      <label>
        Sort by
        <select
          name="sort"
          value={sort}
          onChange={(e) => {
            setSort(e.currentTarget.value);
            submit(e, { sort: e.currentTarget.value || undefined });
          }}
        >
          <option value="">Default order</option>
          {BOOK_SORTS.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </label>
      <div class="actions">
        <button type="submit">Search</button>
        <a href="/" class="button secondary">
          Clear
        </a>
      </div>
      {problem && (
        <p class="alert alert-error" role="alert">
          {problem}
        </p>
      )}
    </form>
  );
}

function centsText(cents: number | undefined): string {
  return cents === undefined ? '' : (cents / 100).toFixed(2).replace(/\.00$/, '');
}
