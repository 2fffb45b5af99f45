import { OrderStatusChangedPayload } from './order-status-changed.payload';

export const ORDER_REJECTED = 'order.rejected.v1' as const;

export class OrderRejectedPayload extends OrderStatusChangedPayload {}
