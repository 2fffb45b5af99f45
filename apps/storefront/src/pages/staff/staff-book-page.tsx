import { useState } from 'preact/hooks';
import { useLocation, useRoute } from 'preact-iso';

import { ApiError } from '../../api/api-error';
import { booksApi } from '../../api/books-api';
import type { Book } from '../../api/types';
import { PageHeading } from '../../components/page-heading';
import { ErrorMessage, Loading } from '../../components/status-views';
import { StockLabel } from '../../components/stock-label';
import { TextField } from '../../components/text-field';
import { useResource } from '../../components/use-resource';
import { useSubmission } from '../../components/use-submission';
import { useToasts } from '../../layout/toasts';
import type { BookFormValues } from './book-form';
import { bookFormValues, EMPTY_BOOK_FORM, parseBookForm, stockDelta } from './book-form';
import type { BookFields } from './staff-api';
import { staffApi } from './staff-api';
import { StaffNav } from './staff-nav';

/** /staff/books/new and /staff/books/:id: the book form, and for an existing book its stock. */
export function StaffBookPage() {
  const { params } = useRoute();
  const id = params['id'];
  if (!id) return <NewBook />;
  return <ExistingBook id={id} />;
}

function NewBook() {
  const { route } = useLocation();
  const toasts = useToasts();
  return (
    <section>
      <PageHeading title="Staff · Add a book">Add a book</PageHeading>
      <StaffNav />
      <BookForm
        initial={EMPTY_BOOK_FORM}
        withStock
        submitLabel="Add book"
        onSubmit={async (fields, stock) => {
          const book = await staffApi.createBook({ ...fields, stock });
          toasts.info(`Added “${book.title}”.`);
          route(`/staff/books/${book.id}`);
        }}
      />
    </section>
  );
}

function ExistingBook({ id }: { id: string }) {
  const book = useResource((signal) => booksApi.get(id, signal), [id]);
  const [current, setCurrent] = useState<Book>();
  const toasts = useToasts();
  const shown = current?.id === id ? current : book.data;

  if (book.loading && !shown) return <Loading label="Loading the book…" />;
  if (book.error !== undefined || !shown) {
    const missing = book.error instanceof ApiError && book.error.status === 404;
    return (
      <section>
        <PageHeading title="Staff · Book">{missing ? 'Book not found' : 'Book unavailable'}</PageHeading>
        <StaffNav />
        {missing ? (
          <p>There is no such book.</p>
        ) : (
          <ErrorMessage error={book.error} onRetry={() => book.reload()} />
        )}
        <p>
          <a href="/staff/books">Back to the books</a>
        </p>
      </section>
    );
  }
  return (
    <section>
      <PageHeading title={`Staff · ${shown.title}`}>Edit “{shown.title}”</PageHeading>
      <StaffNav />
      <p>
        <a href={`/books/${shown.id}`}>See it as customers do</a>
      </p>
      <StockPanel book={shown} onChanged={setCurrent} />
      <h2>Details</h2>
      <BookForm
        key={shown.updatedAt}
        initial={bookFormValues(shown)}
        submitLabel="Save changes"
        onSubmit={async (fields) => {
          const saved = await staffApi.updateBook(shown.id, fields);
          setCurrent(saved);
          toasts.info(`Saved “${saved.title}”.`);
        }}
      />
    </section>
  );
}

/** Restock and write off: one number of copies, two buttons. */
function StockPanel({ book, onChanged }: { book: Book; onChanged: (book: Book) => void }) {
  const toasts = useToasts();
  const [copies, setCopies] = useState('1');
  const { busy, error, fail, run } = useSubmission();

  const adjust = async (direction: 'restock' | 'write-off') => {
    const delta = stockDelta(copies, direction);
    if (delta === undefined) {
      fail(new ApiError('Copies must be a whole number, 1 or more.', 400));
      return;
    }
    await run(async () => {
      const updated = await staffApi.adjustStock(book.id, delta);
      onChanged(updated);
      toasts.info(
        direction === 'restock'
          ? `Restocked ${delta} × “${updated.title}”: ${updated.stock} in stock.`
          : `Wrote off ${-delta} × “${updated.title}”: ${updated.stock} in stock.`,
      );
    });
  };

  // Enter in the copies field restocks, like the first button.
  const restock = (event: Event) => {
    event.preventDefault();
    void adjust('restock');
  };

  return (
    <section class="card stock-panel" aria-labelledby="stock-heading">
      <h2 id="stock-heading">Stock</h2>
      <p data-stock={book.stock}>
        <strong>{book.stock}</strong> {book.stock === 1 ? 'copy' : 'copies'} ·{' '}
        <StockLabel stock={book.stock} />
      </p>
      <form class="staff-filters" onSubmit={restock}>
        <TextField
          label="Copies"
          type="number"
          name="copies"
          min={1}
          step={1}
          inputMode="numeric"
          value={copies}
          onValue={setCopies}
        />
        <button type="submit" disabled={busy}>
          Restock
        </button>
        <button type="button" class="secondary" disabled={busy} onClick={() => void adjust('write-off')}>
          Write off
        </button>
      </form>
      {error !== undefined && <ErrorMessage error={error} />}
    </section>
  );
}

interface BookFormProps {
  initial: BookFormValues;
  /** A new book's form also asks for its first stock; later, stock changes only through the stock panel. */
  withStock?: boolean;
  submitLabel: string;
  onSubmit(fields: BookFields, stock: number): Promise<void>;
}

/** Every field of a book; the API's validation messages are shown above the button, one per line. */
function BookForm({ initial, withStock = false, submitLabel, onSubmit }: BookFormProps) {
  const [values, setValues] = useState(initial);
  const { busy, error, fail, run } = useSubmission();
  const setValue = (name: keyof BookFormValues) => (value: string) =>
    setValues((previous) => ({ ...previous, [name]: value }));
  // A field's name, value and change handler: the form's fields are named after its values.
  const bind = (name: keyof BookFormValues) => ({ name, value: values[name], onValue: setValue(name) });

  const submit = (event: Event) => {
    event.preventDefault();
    const parsed = parseBookForm(values);
    if (!parsed.ok) {
      const message = parsed.errors.length === 1 ? parsed.errors[0] : 'Please check the form:';
      fail(new ApiError(message ?? '', 400, undefined, parsed.errors));
      return;
    }
    void run(() => onSubmit(parsed.fields, parsed.stock));
  };

  return (
    <form class="form book-form" onSubmit={submit} noValidate>
      <TextField label="Title" required maxLength={300} {...bind('title')} />
      <TextField label="Author" required maxLength={200} {...bind('author')} />
      <TextField
        label="ISBN"
        required
        inputMode="numeric"
        placeholder="978-0-13-595705-9"
        {...bind('isbn')}
      />
      <label>
        Description
        <textarea
          name="description"
          rows={4}
          value={values.description}
          onInput={(event) => setValue('description')(event.currentTarget.value)}
        />
      </label>
      <TextField
        label={
          <>
            Genres <span class="muted small">(comma-separated)</span>
          </>
        }
        {...bind('genres')}
        placeholder="Fiction, Classics"
      />
      <TextField
        label={
          <>
            Price <span class="muted small">(USD)</span>
          </>
        }
        required
        inputMode="decimal"
        placeholder="12.99"
        {...bind('price')}
      />
      {withStock && (
        <TextField label="Stock" type="number" min={0} step={1} inputMode="numeric" {...bind('stock')} />
      )}
      {error !== undefined && <ErrorMessage error={error} />}
      <div class="actions">
        <button type="submit" disabled={busy}>
          {busy ? 'Saving…' : submitLabel}
        </button>
      </div>
    </form>
  );
}
