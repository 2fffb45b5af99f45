import { EventDoc } from './event-doc.decorator';
import { OrderStatusChangedPayload } from './order-status-changed.payload';

export const ORDER_REJECTED = 'order.rejected.v1' as const;

@EventDoc({
  summary: "An order was rejected (stock short, or the saga's deadline passed).",
  description: 'The catalog releases whatever it holds for the order.',
  producer: 'orders',
  consumers: ['catalog', 'notifications'],
})
export class OrderRejectedPayload extends OrderStatusChangedPayload {}
