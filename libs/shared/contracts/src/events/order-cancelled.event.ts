import { EventDoc } from './event-doc.decorator';
import { OrderStatusChangedPayload } from './order-status-changed.payload';

export const ORDER_CANCELLED = 'order.cancelled.v1' as const;

@EventDoc({
  summary: 'An order was cancelled.',
  description: 'The catalog releases whatever it holds for the order.',
  producer: 'orders',
  consumers: ['catalog', 'notifications'],
})
export class OrderCancelledPayload extends OrderStatusChangedPayload {}
