import { OrderStatusChangedPayload } from './order-status-changed.payload';

export const ORDER_CANCELLED = 'order.cancelled.v1' as const;

export class OrderCancelledPayload extends OrderStatusChangedPayload {}
