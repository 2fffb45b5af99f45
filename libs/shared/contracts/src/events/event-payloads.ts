import { BOOK_CREATED, BookCreatedPayload } from './book-created.event';
import { BOOK_DELETED, BookDeletedPayload } from './book-deleted.event';
import { BOOK_UPDATED, BookUpdatedPayload } from './book-updated.event';
import { NOTIFICATION_CREATED, NotificationCreatedPayload } from './notification-created.event';
import { ORDER_CANCELLED, OrderCancelledPayload } from './order-cancelled.event';
import { ORDER_CONFIRMED, OrderConfirmedPayload } from './order-confirmed.event';
import { ORDER_CREATED, OrderCreatedPayload } from './order-created.event';
import { ORDER_DELIVERED, OrderDeliveredPayload } from './order-delivered.event';
import { ORDER_REJECTED, OrderRejectedPayload } from './order-rejected.event';
import { ORDER_SHIPPED, OrderShippedPayload } from './order-shipped.event';
import { STOCK_REJECTED, StockRejectedPayload } from './stock-rejected.event';
import { STOCK_RELEASED, StockReleasedPayload } from './stock-released.event';
import { STOCK_RESERVED, StockReservedPayload } from './stock-reserved.event';
import {
  USER_EMAIL_VERIFICATION_REQUESTED,
  UserEmailVerificationRequestedPayload,
} from './user-email-verification-requested.event';
import {
  USER_PASSWORD_RESET_REQUESTED,
  UserPasswordResetRequestedPayload,
} from './user-password-reset-requested.event';
import { USER_REGISTERED, UserRegisteredPayload } from './user-registered.event';
import { USER_SESSIONS_REVOKED, UserSessionsRevokedPayload } from './user-sessions-revoked.event';

/** Maps each routing key to its payload class, so producers and consumers validate the same shape. */
export const EVENT_PAYLOADS = {
  [USER_REGISTERED]: UserRegisteredPayload,
  [USER_SESSIONS_REVOKED]: UserSessionsRevokedPayload,
  [USER_PASSWORD_RESET_REQUESTED]: UserPasswordResetRequestedPayload,
  [USER_EMAIL_VERIFICATION_REQUESTED]: UserEmailVerificationRequestedPayload,
  [BOOK_CREATED]: BookCreatedPayload,
  [BOOK_UPDATED]: BookUpdatedPayload,
  [BOOK_DELETED]: BookDeletedPayload,
  [ORDER_CREATED]: OrderCreatedPayload,
  [STOCK_RESERVED]: StockReservedPayload,
  [STOCK_REJECTED]: StockRejectedPayload,
  [STOCK_RELEASED]: StockReleasedPayload,
  [ORDER_CONFIRMED]: OrderConfirmedPayload,
  [ORDER_REJECTED]: OrderRejectedPayload,
  [ORDER_CANCELLED]: OrderCancelledPayload,
  [ORDER_SHIPPED]: OrderShippedPayload,
  [ORDER_DELIVERED]: OrderDeliveredPayload,
  [NOTIFICATION_CREATED]: NotificationCreatedPayload,
} as const;

export type EventType = keyof typeof EVENT_PAYLOADS;

/** The payload type of an event, from its routing key. */
export type PayloadOf<K extends EventType> = InstanceType<(typeof EVENT_PAYLOADS)[K]>;
