import { canTransition, TIMEOUT_REASON } from '@bookstore/orders/domain';
import { OrderStatus } from '@bookstore/shared/contracts';
import { Inject, Injectable, Logger } from '@nestjs/common';

import type { OrdersConfig } from '../../config/orders.config';
import { ORDERS_CONFIG } from '../../orders.tokens';
import { OrderRepository } from '../../persistence/order.repository';

/** Orders read per sweep step; a backlog is worked through in steps of this size. */
const BATCH = 100;

/**
 * The saga deadline: an order still PENDING `ORDERS_SAGA_DEADLINE_MS` after it was placed (its
 * `order.created` or the catalog's answer parked, or lost) becomes REJECTED with reason `timeout`,
 * and `order.rejected` (outbox) makes the catalog give back whatever it holds for the order, now or
 * whenever a late reservation arrives. The move is the repository's conditional transition, so it
 * races safely with a late `stock.reserved`/`stock.rejected`, a cancellation, or the sweeper of
 * another replica: exactly one of them moves the order, the others find it settled and do nothing.
 */
@Injectable()
export class ExpireOrdersHandler {
  private readonly logger = new Logger(ExpireOrdersHandler.name);

  constructor(
    private readonly orders: OrderRepository,
    @Inject(ORDERS_CONFIG) private readonly config: OrdersConfig,
  ) {}

  /** Rejects every overdue PENDING order; how many this call moved. */
  async execute(now = new Date()): Promise<number> {
    const placedBefore = new Date(now.getTime() - this.config.ORDERS_SAGA_DEADLINE_MS);
    let expired = 0;
    // A moved order leaves the PENDING query, so the next read starts where this one ended.
    for (let moved = BATCH; moved === BATCH;) {
      const overdue = await this.orders.findPendingPlacedBefore(placedBefore, BATCH);
      moved = 0;
      for (const order of overdue) {
        const outcome = await this.orders.transition(order.id, (current) =>
          current.status === OrderStatus.Pending && canTransition(current.status, OrderStatus.Rejected)
            ? { to: OrderStatus.Rejected, reason: TIMEOUT_REASON }
            : null,
        );
        if (outcome.kind !== 'missing') moved++;
        if (outcome.kind === 'moved') {
          expired++;
          this.logger.warn({ msg: 'order not settled in time; rejected', orderId: order.id });
        }
      }
    }
    return expired;
  }
}
