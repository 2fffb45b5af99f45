import type { Actor } from '@bookstore/shared/contracts';
import { isAdmin } from '@bookstore/shared/contracts';

import { orderNotFound } from './order-errors';

/**
 * The order if `actor` may see it (its owner or an admin). Someone else's order is reported as
 * not found, exactly like a missing one, so its existence does not leak.
 */
export function visibleOrder<T extends { userId: string }>(order: T | null, actor: Actor): T {
  if (!order || (order.userId !== actor.userId && !isAdmin(actor))) throw orderNotFound();
  return order;
}
