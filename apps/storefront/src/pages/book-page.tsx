import { useState } from 'preact/hooks';
import { useRoute } from 'preact-iso';

import { ApiError } from '../api/api-error';
import { booksApi } from '../api/books-api';
import type { Book } from '../api/types';
import { MAX_LINE_QUANTITY } from '../cart/cart';
import { useCart } from '../cart/cart-context';
import { PageHeading } from '../components/page-heading';
import { ErrorMessage, Loading } from '../components/status-views';
import { StockLabel } from '../components/stock-label';
import { useResource } from '../components/use-resource';
import { formatMoney } from '../format/money';
import { useToasts } from '../layout/toasts';

/** One book: details, stock, and adding copies to the cart. */
export function BookPage() {
  const { params } = useRoute();
  const id = params['id'] ?? '';
  const book = useResource((signal) => booksApi.get(id, signal), [id]);

  // Another book's page just opened: not the previous one while this one loads.
  if (book.loading && book.data?.id !== id) return <Loading label="Loading the book…" />;
  if (book.error !== undefined) {
    const missing = book.error instanceof ApiError && book.error.status === 404;
    return (
      <section>
        <PageHeading title="Book not found">{missing ? 'Book not found' : 'Book unavailable'}</PageHeading>
        {missing ? (
          <p>
            There is no such book. <a href="/">Back to the catalog</a>
          </p>
        ) : (
          <ErrorMessage error={book.error} onRetry={() => book.reload()} />
        )}
      </section>
    );
  }
  return book.data ? <BookDetail book={book.data} /> : null;
}

function BookDetail({ book }: { book: Book }) {
  const cart = useCart();
  const toasts = useToasts();
  const inCart = cart.lines.find((line) => line.bookId === book.id)?.quantity ?? 0;
  const available = Math.max(0, Math.min(book.stock, MAX_LINE_QUANTITY) - inCart);
  const [quantity, setQuantity] = useState(1);

  const add = (event: Event) => {
    event.preventDefault();
    const copies = Math.min(Math.max(1, Math.floor(quantity)), available);
    if (copies < 1) return;
    cart.add({
      bookId: book.id,
      title: book.title,
      author: book.author,
      unitPriceCents: book.priceCents,
      quantity: copies,
    });
    toasts.info(`Added ${copies} × “${book.title}” to your cart.`);
    setQuantity(1);
  };

  return (
    <article class="book-detail">
      <PageHeading title={book.title}>{book.title}</PageHeading>
      <p class="muted">by {book.author}</p>
      <p class="price money">
        <strong>{formatMoney(book.priceCents)}</strong>
      </p>
      <p data-stock={book.stock}>
        <StockLabel stock={book.stock} />
      </p>
      {book.description && <p>{book.description}</p>}
      {book.genres.length > 0 && (
        <ul class="genres" aria-label="Genres">
          {book.genres.map((genre) => (
            <li key={genre}>
              <a href={`/?genre=${encodeURIComponent(genre)}`}>{genre}</a>
            </li>
          ))}
        </ul>
      )}
      <p class="muted small">ISBN {book.isbn}</p>
      {book.stock > 0 && (
        <form class="actions" onSubmit={add}>
          <label>
            Quantity
            <input
              class="quantity"
              type="number"
              name="quantity"
              min={1}
              max={Math.max(1, available)}
              value={quantity}
              onInput={(e) => setQuantity(Number(e.currentTarget.value))}
              disabled={available === 0}
            />
          </label>
          <button type="submit" disabled={available === 0}>
            Add to cart
          </button>
          {inCart > 0 && (
            <span class="muted">
              {inCart} in <a href="/cart">your cart</a>
              {available === 0 ? ' (all that is in stock)' : ''}
            </span>
          )}
        </form>
      )}
      <p>
        <a href="/">← Back to the catalog</a>
      </p>
    </article>
  );
}
