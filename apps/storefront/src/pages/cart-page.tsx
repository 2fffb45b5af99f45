import { useRef, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';

import { ApiError } from '../api/api-error';
import { ordersApi } from '../api/orders-api';
import type { CartLine } from '../cart/cart';
import { lineTotalCents, MAX_LINE_QUANTITY, orderItems } from '../cart/cart';
import { useCart } from '../cart/cart-context';
import { beginCheckout, endCheckout } from '../checkout/checkout-store';
import type { ListColumn } from '../components/list-table';
import { ListTable } from '../components/list-table';
import { PageHeading } from '../components/page-heading';
import { Empty, ErrorMessage } from '../components/status-views';
import { formatMoney } from '../format/money';
import { useToasts } from '../layout/toasts';
import { useSession } from '../session/session-context';

/** The cart's columns, in the order of each line's cells; the last holds a line's buttons. */
const COLUMNS: readonly ListColumn[] = [
  { label: 'Book' },
  { label: 'Price', numeric: true },
  { label: 'Quantity' },
  { label: 'Total', numeric: true },
  { label: <span class="visually-hidden">Actions</span> },
];

/** The cart and the checkout: quantities, totals, and "Place order". */
export function CartPage() {
  const cart = useCart();
  const session = useSession();
  const toasts = useToasts();
  const { route } = useLocation();
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<unknown>();
  // A ref, not only state: two clicks in the same frame both see `submitting` still false.
  const inFlight = useRef(false);

  const placeOrder = async () => {
    if (inFlight.current || cart.lines.length === 0) return;
    inFlight.current = true;
    setSubmitting(true);
    setError(undefined);
    const items = orderItems(cart.lines);
    // The same key for the same items until the order exists: a retry can never buy twice.
    const checkout = beginCheckout(items);
    try {
      const order = await ordersApi.place(items, checkout.key);
      endCheckout();
      cart.clear();
      toasts.info('Order placed. We are reserving your books.');
      route(`/orders/${order.id}`);
    } catch (failure) {
      setError(failure);
    } finally {
      inFlight.current = false;
      setSubmitting(false);
    }
  };

  return (
    <section>
      <PageHeading title="Cart">Your cart</PageHeading>
      {cart.lines.length === 0 ? (
        <Empty>
          Your cart is empty. <a href="/">Browse the books</a>
        </Empty>
      ) : (
        <>
          <ListTable columns={COLUMNS} caption="Prices as seen when added; your order states the final ones.">
            {cart.lines.map((line) => (
              <CartRow key={line.bookId} line={line} disabled={submitting} />
            ))}
          </ListTable>
          <div class="summary">
            <p>
              Total ({cart.count} {cart.count === 1 ? 'book' : 'books'}):{' '}
              <strong class="money" data-total-cents={cart.totalCents}>
                {formatMoney(cart.totalCents)}
              </strong>
            </p>
            {session.user ? (
              <button type="button" onClick={placeOrder} disabled={submitting} aria-busy={submitting}>
                {submitting ? 'Placing order…' : 'Place order'}
              </button>
            ) : (
              <p>
                <a href="/login?next=/cart">Log in</a> or <a href="/register?next=/cart">register</a> to place
                your order.
              </p>
            )}
          </div>
          {error !== undefined && (
            <>
              <ErrorMessage error={error} />
              {error instanceof ApiError && error.status === 0 && (
                <p class="muted small">Placing it again is safe: you will not be charged twice.</p>
              )}
            </>
          )}
        </>
      )}
    </section>
  );
}

function CartRow({ line, disabled }: { line: CartLine; disabled: boolean }) {
  const cart = useCart();
  return (
    <tr>
      <td data-label="Book">
        <a href={`/books/${line.bookId}`}>{line.title}</a>
        <br />
        <span class="muted small">{line.author}</span>
      </td>
      <td class="num money" data-label="Price">
        {formatMoney(line.unitPriceCents)}
      </td>
      <td data-label="Quantity">
        <input
          class="quantity"
          type="number"
          min={1}
          max={MAX_LINE_QUANTITY}
          value={line.quantity}
          aria-label={`Quantity of ${line.title}`}
          disabled={disabled}
          onChange={(e) => {
            const quantity = Number(e.currentTarget.value);
            if (Number.isFinite(quantity) && quantity >= 1) cart.setQuantity(line.bookId, quantity);
          }}
        />
      </td>
      <td class="num money" data-label="Total">
        {formatMoney(lineTotalCents(line))}
      </td>
      <td>
        <button
          type="button"
          class="secondary"
          aria-label={`Remove ${line.title}`}
          disabled={disabled}
          onClick={() => cart.remove(line.bookId)}
        >
          Remove
        </button>
      </td>
    </tr>
  );
}
