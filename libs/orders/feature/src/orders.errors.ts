import type { Actor } from '@bookstore/shared/contracts';
import { DomainError, isAdmin } from '@bookstore/shared/contracts';

import type { OrderRecord } from '../persistence/order.record';

const OBJECT_ID = /^[0-9a-f]{24}$/i;

/** The caller of a request, which every orders use case needs. */
export function requireActor(actor: Actor | undefined): Actor {
  if (!actor) throw DomainError.unauthorized('AUTH.UNAUTHORIZED', 'Authentication required');
  return actor;
}

/** True when `id` can be an order id at all; anything else is simply not found. */
export function isOrderId(id: string): boolean {
  return OBJECT_ID.test(id);
}

export function orderNotFound(): DomainError {
  return DomainError.notFound('ORDER.NOT_FOUND', 'Order not found');
}

/**
 * The order if the actor may see it (its owner or an admin); someone else's order is reported as
 * not found, so its existence does not leak.
 */
export function visibleOrder(order: OrderRecord | null, actor: Actor): OrderRecord {
  if (!order || (order.userId !== actor.userId && !isAdmin(actor))) throw orderNotFound();
  return order;
}
