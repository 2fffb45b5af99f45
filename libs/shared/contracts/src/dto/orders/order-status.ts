/** Where an order stands in its life cycle; the allowed moves live in libs/orders/domain. */
export enum OrderStatus {
  Pending = 'PENDING',
  Confirmed = 'CONFIRMED',
  Rejected = 'REJECTED',
  Cancelled = 'CANCELLED',
  Shipped = 'SHIPPED',
  Delivered = 'DELIVERED',
}

export const ORDER_STATUSES: readonly OrderStatus[] = Object.values(OrderStatus);
