// Types only: the contracts' DTO classes carry Nest and class-validator decorators that must never
// reach the browser bundle (eslint's no-restricted-imports allows type imports alone).
import type {
  BookDto,
  NotificationDto,
  OrderDto,
  OrderItemDto,
  OrderStatus,
  Page,
  Role,
  StatusHistoryEntryDto,
  TokenPairDto,
  UserDto,
} from '@bookstore/shared/contracts';

/** An order status by its wire name ('PENDING', 'CONFIRMED', ...). */
export type OrderStatusName = `${OrderStatus}`;

/** Every order status, in the order of their life cycle (for filters). */
export const ORDER_STATUS_NAMES: readonly OrderStatusName[] = [
  'PENDING',
  'CONFIRMED',
  'REJECTED',
  'CANCELLED',
  'SHIPPED',
  'DELIVERED',
];

export type Book = BookDto;
/** A role by its wire name. */
export type RoleName = `${Role}`;
export type User = Omit<UserDto, 'roles'> & { roles: RoleName[] };
export type TokenPair = TokenPairDto;
export type OrderItem = OrderItemDto;
export type Notification = NotificationDto;
export type StatusHistoryEntry = Omit<StatusHistoryEntryDto, 'status'> & { status: OrderStatusName };
export type Order = Omit<OrderDto, 'status' | 'statusHistory'> & {
  status: OrderStatusName;
  statusHistory?: StatusHistoryEntry[];
};
export type { Page };
