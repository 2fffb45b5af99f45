import { EventDoc } from './event-doc.decorator';
import { OrderStatusChangedPayload } from './order-status-changed.payload';

export const ORDER_DELIVERED = 'order.delivered.v1' as const;

@EventDoc({
  summary: 'An order was delivered.',
  producer: 'orders',
  consumers: ['notifications'],
})
export class OrderDeliveredPayload extends OrderStatusChangedPayload {}
