import { ordersApi } from '../api/orders-api';
import { ListTable } from '../components/list-table';
import { OrderCells } from '../components/order-cells';
import { ORDER_COLUMNS } from '../components/order-columns';
import { OrderStatusFilter, useOrderListQuery } from '../components/order-status-filter';
import { PageHeading } from '../components/page-heading';
import { hrefWith } from '../components/page-query';
import { PagedList } from '../components/paged-list';
import { Loading } from '../components/status-views';
import { useResource } from '../components/use-resource';
import { useLiveSignal } from '../live/live-context';
import { useSession } from '../session/session-context';
import { LoginRequired } from './login-required';

const PAGE_SIZE = 10;

/** The customer's orders, newest first, with a status filter and paging (both in the URL). */
export function OrdersPage() {
  const session = useSession();
  if (session.state.status === 'loading') return <Loading />;
  if (!session.user) return <LoginRequired what="see your orders" />;
  return <OrdersList />;
}

function OrdersList() {
  const { status, page } = useOrderListQuery();
  const orders = useResource(
    (signal) => ordersApi.list({ page, limit: PAGE_SIZE, status }, signal),
    [page, status],
  );
  useLiveSignal(() => orders.reload(true));

  return (
    <section>
      <PageHeading title="Your orders">Your orders</PageHeading>
      <div class="filters">
        <OrderStatusFilter path="/orders" status={status} />
      </div>
      <PagedList
        list={orders}
        loadingLabel="Loading your orders…"
        empty={
          <>
            {status ? 'No orders with that status.' : 'You have no orders yet.'}{' '}
            <a href="/">Browse the books</a>
          </>
        }
        hrefFor={(p) => hrefWith('/orders', { status, page: p })}
      >
        {(items) => (
          <ListTable columns={ORDER_COLUMNS}>
            {items.map((order) => (
              <tr key={order.id}>
                <td data-label="Order">
                  <a href={`/orders/${order.id}`}>Order {order.id.slice(-6)}</a>
                </td>
                <OrderCells order={order} books={order.items.map((item) => item.title).join(', ')} />
              </tr>
            ))}
          </ListTable>
        )}
      </PagedList>
    </section>
  );
}
