import { useEffect, useState } from 'preact/hooks';
import { useRoute } from 'preact-iso';

import { ApiError } from '../api/api-error';
import { isCancellable, ordersApi, readableReason, reasonOf } from '../api/orders-api';
import type { Order } from '../api/types';
import type { ListColumn } from '../components/list-table';
import { ListTable } from '../components/list-table';
import { OrderStatusBadge, STATUS_LABELS } from '../components/order-status-badge';
import { PageHeading } from '../components/page-heading';
import { ErrorMessage, Loading } from '../components/status-views';
import { useResource } from '../components/use-resource';
import { useSubmission } from '../components/use-submission';
import { formatDateTime } from '../format/date';
import { formatMoney } from '../format/money';
import { useToasts } from '../layout/toasts';
import { useLive, useLiveSignal } from '../live/live-context';
import { orderIdOf } from '../live/notifications-api';
import { useSession } from '../session/session-context';
import { LoginRequired } from './login-required';

/** While an order is PENDING the page also polls, slowly: a safety net should the stream miss an event. */
const PENDING_POLL_MS = 5000;

/** The order's columns, in the order of each line's cells. */
const COLUMNS: readonly ListColumn[] = [
  { label: 'Book' },
  { label: 'Price', numeric: true },
  { label: 'Quantity', numeric: true },
  { label: 'Total', numeric: true },
];

/** One order: status (live), lines, total, history, the reason of a rejection, and cancelling. */
export function OrderPage() {
  const session = useSession();
  if (session.state.status === 'loading') return <Loading />;
  if (!session.user) return <LoginRequired what="see this order" />;
  return <OrderView />;
}

function OrderView() {
  const { params } = useRoute();
  const id = params['id'] ?? '';
  const order = useResource((signal) => ordersApi.get(id, signal), [id]);
  const pending = order.data?.status === 'PENDING';

  // Live: a notification about this order (or a reconnect, after which anything may have changed).
  useLiveSignal((signal) => {
    if (signal.kind === 'reconnected' || orderIdOf(signal.notification) === id) order.reload(true);
  });

  useEffect(() => {
    if (!pending) return;
    const timer = setInterval(() => order.reload(true), PENDING_POLL_MS);
    return () => clearInterval(timer);
  }, [pending, order.reload]);

  // Another order's page just opened: not the previous one while this one loads.
  if (order.loading && order.data?.id !== id) return <Loading label="Loading the order…" />;
  if (order.error !== undefined) {
    const missing = order.error instanceof ApiError && order.error.status === 404;
    return (
      <section>
        <PageHeading title="Order not found">{missing ? 'Order not found' : 'Order unavailable'}</PageHeading>
        {missing ? (
          <p>
            There is no such order among yours. <a href="/orders">Your orders</a>
          </p>
        ) : (
          <ErrorMessage error={order.error} onRetry={() => order.reload()} />
        )}
      </section>
    );
  }
  return order.data ? <OrderDetail order={order.data} onChange={() => order.reload(true)} /> : null;
}

function OrderDetail({ order, onChange }: { order: Order; onChange: () => void }) {
  const toasts = useToasts();
  const live = useLive();
  const { busy: cancelling, error, run } = useSubmission();
  const [confirming, setConfirming] = useState(false);
  const reason = reasonOf(order);
  const title = `Order ${STATUS_LABELS[order.status].toLowerCase()}`;

  const cancel = async () => {
    setConfirming(false);
    await run(async () => {
      await ordersApi.cancel(order.id);
      toasts.info('Your order is cancelled.');
    });
    // Reload whether it worked or not: a refused cancel means the status shown here is out of date.
    onChange();
  };

  return (
    <article data-order-id={order.id} data-status={order.status}>
      <PageHeading title={title}>
        Order <OrderStatusBadge status={order.status} />
      </PageHeading>
      <p class="muted small">
        Order {order.id} · placed {formatDateTime(order.createdAt)}
      </p>
      <div role="status" aria-live="polite">
        <StatusExplanation order={order} reason={reason} />
      </div>
      {!live.connected && <p class="muted small">Reconnecting for live updates…</p>}
      <ListTable columns={COLUMNS}>
        {order.items.map((item) => (
          <tr key={item.bookId}>
            <td data-label="Book">
              <a href={`/books/${item.bookId}`}>{item.title}</a>
            </td>
            <td class="num money" data-label="Price">
              {formatMoney(item.unitPriceCents)}
            </td>
            <td class="num" data-label="Quantity">
              {item.quantity}
            </td>
            <td class="num money" data-label="Total">
              {formatMoney(item.unitPriceCents * item.quantity)}
            </td>
          </tr>
        ))}
      </ListTable>
      <div class="summary">
        <p>
          Total: <strong class="money">{formatMoney(order.totalCents)}</strong>
        </p>
        {isCancellable(order) &&
          (confirming ? (
            // Cancelling cannot be undone: a second, explicit step (not window.confirm, which blocks the page).
            <div class="actions" role="group" aria-label="Confirm cancellation">
              <span>Cancel this order? Reserved books go back on the shelf.</span>
              <button type="button" onClick={cancel}>
                Yes, cancel it
              </button>
              <button type="button" class="secondary" onClick={() => setConfirming(false)}>
                Keep it
              </button>
            </div>
          ) : (
            <button type="button" class="secondary" onClick={() => setConfirming(true)} disabled={cancelling}>
              {cancelling ? 'Cancelling…' : 'Cancel order'}
            </button>
          ))}
      </div>
      {error !== undefined && <ErrorMessage error={error} />}
      {order.statusHistory && order.statusHistory.length > 0 && (
        <section aria-labelledby="history-heading">
          <h2 id="history-heading">History</h2>
          <ol class="history">
            {order.statusHistory.map((entry, index) => (
              <li key={`${entry.status}-${index}`}>
                <strong>{STATUS_LABELS[entry.status]}</strong>{' '}
                <time class="muted small" dateTime={entry.at}>
                  {formatDateTime(entry.at)}
                </time>
                {entry.reason && <div class="small">{readableReason(entry.reason)}</div>}
              </li>
            ))}
          </ol>
        </section>
      )}
      <p>
        <a href="/orders">← All your orders</a>
      </p>
    </article>
  );
}

/** One sentence on what the status means for the customer. */
function StatusExplanation({ order, reason }: { order: Order; reason?: string }) {
  switch (order.status) {
    case 'PENDING':
      return <p>We are reserving your books… this page updates by itself.</p>;
    case 'CONFIRMED':
      return <p>Every book is reserved for you. We will tell you when it ships.</p>;
    case 'REJECTED':
      return (
        <div class="alert alert-error">
          <p>We could not accept this order; nothing was charged.</p>
          {reason && <p data-reason>Reason: {readableReason(reason)}</p>}
        </div>
      );
    case 'CANCELLED':
      return <p>This order was cancelled{reason ? `: ${readableReason(reason)}` : ''}.</p>;
    case 'SHIPPED':
      return <p>Your order is on its way.</p>;
    case 'DELIVERED':
      return <p>Your order was delivered. Enjoy!</p>;
  }
}
