import type { OrderStatusName } from '../api/types';

/** Order statuses as customers read them. */
export const STATUS_LABELS: Record<OrderStatusName, string> = {
  PENDING: 'Pending',
  CONFIRMED: 'Confirmed',
  REJECTED: 'Rejected',
  CANCELLED: 'Cancelled',
  SHIPPED: 'Shipped',
  DELIVERED: 'Delivered',
};

/** A status as a coloured pill; the wire name stays in `data-status` for scripts and specs. */
export function OrderStatusBadge({ status }: { status: OrderStatusName }) {
  return (
    <span class={`status status-${status}`} data-status={status}>
      {status}
    </span>
  );
}
