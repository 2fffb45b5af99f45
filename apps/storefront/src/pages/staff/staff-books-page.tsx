import { useLocation } from 'preact-iso';

import { booksApi } from '../../api/books-api';
import type { ListColumn } from '../../components/list-table';
import { ListTable } from '../../components/list-table';
import { PageHeading } from '../../components/page-heading';
import { hrefWith, positiveInt } from '../../components/page-query';
import { PagedList } from '../../components/paged-list';
import { useResource } from '../../components/use-resource';
import { formatMoney } from '../../format/money';
import { StaffNav } from './staff-nav';

const PAGE_SIZE = 20;

/** The table's columns, in the order of each row's cells. */
const COLUMNS: readonly ListColumn[] = [
  { label: 'Title' },
  { label: 'Author' },
  { label: 'Price', numeric: true },
  { label: 'Stock', numeric: true },
];

/** /staff/books: the catalog as staff see it (stock in numbers), searchable, each book editable. */
export function StaffBooksPage() {
  const { query, route } = useLocation();
  const q = query['q'] ?? '';
  const page = positiveInt(query['page'], 1);
  const books = useResource(
    (signal) => booksApi.list({ q: q || undefined, page, limit: PAGE_SIZE, sort: 'title' }, signal),
    [q, page],
  );

  const search = (event: Event) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    route(hrefWith('/staff/books', { q: String(form.get('q') ?? '').trim() || undefined }));
  };

  return (
    <section>
      <PageHeading title="Staff · Books">Books</PageHeading>
      <StaffNav />
      <div class="actions">
        <a class="button" href="/staff/books/new">
          Add a book
        </a>
      </div>
      <form class="staff-filters" role="search" onSubmit={search}>
        <label>
          Search
          <input type="search" name="q" defaultValue={q} placeholder="Title, author, description" />
        </label>
        <button type="submit" class="secondary">
          Search
        </button>
      </form>
      <PagedList
        list={books}
        loadingLabel="Loading the books…"
        empty={q ? 'No book matches that search.' : 'The catalog is empty: add the first book.'}
        hrefFor={(p) => hrefWith('/staff/books', { q: q || undefined, page: p })}
      >
        {(items) => (
          <ListTable columns={COLUMNS}>
            {items.map((book) => (
              <tr key={book.id}>
                <td data-label="Title">
                  <a href={`/staff/books/${book.id}`} aria-label={`Edit “${book.title}”`}>
                    {book.title}
                  </a>
                </td>
                <td data-label="Author">{book.author}</td>
                <td class="num money" data-label="Price">
                  {formatMoney(book.priceCents)}
                </td>
                <td class="num" data-label="Stock">
                  {book.stock}
                </td>
              </tr>
            ))}
          </ListTable>
        )}
      </PagedList>
    </section>
  );
}
