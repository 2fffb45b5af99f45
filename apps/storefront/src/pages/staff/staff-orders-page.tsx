import { useState } from 'preact/hooks';

import type { Order, OrderStatusName } from '../../api/types';
import type { ListColumn } from '../../components/list-table';
import { ListTable } from '../../components/list-table';
import { OrderCells } from '../../components/order-cells';
import { ORDER_COLUMNS } from '../../components/order-columns';
import { STATUS_LABELS } from '../../components/order-status-badge';
import { OrderStatusFilter, useOrderListQuery } from '../../components/order-status-filter';
import { PageHeading } from '../../components/page-heading';
import { hrefWith } from '../../components/page-query';
import { PagedList } from '../../components/paged-list';
import { ErrorMessage } from '../../components/status-views';
import { useResource } from '../../components/use-resource';
import { useSubmission } from '../../components/use-submission';
import { useToasts } from '../../layout/toasts';
import { NEXT_STATUS, staffApi } from './staff-api';
import { StaffNav } from './staff-nav';

const PAGE_SIZE = 20;

/** An order's columns, and the button that moves it on. */
const COLUMNS: readonly ListColumn[] = [...ORDER_COLUMNS, { label: 'Action' }];

/** The button that moves an order on, by the status it moves it to. */
const ACTION_LABELS: Partial<Record<OrderStatusName, string>> = {
  SHIPPED: 'Mark shipped',
  DELIVERED: 'Mark delivered',
};

/** /staff/orders: every customer's orders, filtered by status, each moved on with one button. */
export function StaffOrdersPage() {
  const { status, page } = useOrderListQuery();
  const orders = useResource(
    (signal) => staffApi.orders({ page, limit: PAGE_SIZE, status }, signal),
    [page, status],
  );

  return (
    <section class="staff-orders">
      <PageHeading title="Staff · Orders">Orders</PageHeading>
      <StaffNav />
      <div class="staff-filters">
        <OrderStatusFilter path="/staff/orders" status={status} name="status" />
        <button type="button" class="secondary" onClick={() => orders.reload()}>
          Refresh
        </button>
      </div>
      <PagedList
        list={orders}
        loadingLabel="Loading the orders…"
        empty={status ? `No ${STATUS_LABELS[status].toLowerCase()} orders.` : 'No orders yet.'}
        hrefFor={(p) => hrefWith('/staff/orders', { status, page: p })}
      >
        {(items) => (
          <ListTable columns={COLUMNS}>
            {items.map((order) => (
              <OrderRow
                key={`${order.id}:${order.updatedAt}`}
                order={order}
                onMoved={() => orders.reload(true)}
              />
            ))}
          </ListTable>
        )}
      </PagedList>
    </section>
  );
}

function OrderRow({ order: initial, onMoved }: { order: Order; onMoved: () => void }) {
  const toasts = useToasts();
  const [order, setOrder] = useState(initial);
  const { busy, error, run } = useSubmission();
  const next = NEXT_STATUS[order.status];
  const label = `Order ${order.id.slice(-6)}`;

  const move = (status: OrderStatusName) =>
    run(async () => {
      const moved = await staffApi.setOrderStatus(order.id, status);
      setOrder(moved);
      toasts.info(`${label} is now ${STATUS_LABELS[moved.status].toLowerCase()}.`);
      onMoved();
    });

  return (
    <tr data-order-id={order.id}>
      <td data-label="Order">
        <a class="order-link" href={`/orders/${order.id}`}>
          {label}
        </a>
        <div class="muted small">user {order.userId.slice(-6)}</div>
      </td>
      <OrderCells
        order={order}
        books={order.items.map((item) => `${item.quantity} × ${item.title}`).join(', ')}
      />
      <td data-label="Action">
        {next ? (
          <button
            type="button"
            disabled={busy}
            aria-label={`${ACTION_LABELS[next]}: ${label}`}
            onClick={() => void move(next)}
          >
            {ACTION_LABELS[next]}
          </button>
        ) : (
          <span class="muted">—</span>
        )}
        {error !== undefined && <ErrorMessage error={error} />}
      </td>
    </tr>
  );
}
