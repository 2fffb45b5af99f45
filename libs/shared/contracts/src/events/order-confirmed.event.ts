import { EventDoc } from './event-doc.decorator';
import { OrderStatusChangedPayload } from './order-status-changed.payload';

export const ORDER_CONFIRMED = 'order.confirmed.v1' as const;

@EventDoc({
  summary: "An order's stock is reserved: the order is confirmed.",
  producer: 'orders',
  consumers: ['notifications'],
})
export class OrderConfirmedPayload extends OrderStatusChangedPayload {}
