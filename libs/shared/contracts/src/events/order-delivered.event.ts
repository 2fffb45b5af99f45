import { OrderStatusChangedPayload } from './order-status-changed.payload';

export const ORDER_DELIVERED = 'order.delivered.v1' as const;

export class OrderDeliveredPayload extends OrderStatusChangedPayload {}
