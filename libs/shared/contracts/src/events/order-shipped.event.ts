import { OrderStatusChangedPayload } from './order-status-changed.payload';

export const ORDER_SHIPPED = 'order.shipped.v1' as const;

export class OrderShippedPayload extends OrderStatusChangedPayload {}
