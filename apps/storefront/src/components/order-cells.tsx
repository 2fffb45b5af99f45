import type { Order } from '../api/types';
import { formatDateTime } from '../format/date';
import { formatMoney } from '../format/money';
import { OrderStatusBadge } from './order-status-badge';

/**
 * An order's Placed, Books, Total and Status cells (see ORDER_COLUMNS), alike in the customer's and
 * the staff's lists; `books` is how the list names the order's books.
 */
export function OrderCells({ order, books }: { order: Order; books: string }) {
  return (
    <>
      <td data-label="Placed">{formatDateTime(order.createdAt)}</td>
      <td data-label="Books">{books}</td>
      <td class="num money" data-label="Total">
        {formatMoney(order.totalCents)}
      </td>
      <td data-label="Status">
        <OrderStatusBadge status={order.status} />
      </td>
    </>
  );
}
