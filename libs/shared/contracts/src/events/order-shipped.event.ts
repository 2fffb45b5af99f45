import { EventDoc } from './event-doc.decorator';
import { OrderStatusChangedPayload } from './order-status-changed.payload';

export const ORDER_SHIPPED = 'order.shipped.v1' as const;

@EventDoc({
  summary: 'An order was shipped.',
  producer: 'orders',
  consumers: ['notifications'],
})
export class OrderShippedPayload extends OrderStatusChangedPayload {}
