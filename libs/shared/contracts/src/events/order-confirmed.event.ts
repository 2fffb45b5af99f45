import { OrderStatusChangedPayload } from './order-status-changed.payload';

export const ORDER_CONFIRMED = 'order.confirmed.v1' as const;

export class OrderConfirmedPayload extends OrderStatusChangedPayload {}
