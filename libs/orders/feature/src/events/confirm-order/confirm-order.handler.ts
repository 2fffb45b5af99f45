import { canTransition, rejectionReason } from '@bookstore/orders/domain';
import type { StockRejectedPayload, StockReservedPayload } from '@bookstore/shared/contracts';
import { OrderStatus } from '@bookstore/shared/contracts';
import { Injectable, Logger } from '@nestjs/common';

import type { TransitionOutcome } from '../transitions/order-transitions.service';
import { OrderTransitionsService } from '../transitions/order-transitions.service';

/**
 * The orders side of the saga. A reply that no longer fits the order changes nothing and is not an
 * error (so it is acked, not retried): a redelivered `stock.reserved` for a CONFIRMED order, or a
 * late one for an order cancelled while PENDING. In the latter case the catalog has received our
 * `order.cancelled` after its reservation and releases the stock, so nothing stays reserved.
 */
@Injectable()
export class StockOutcomeHandler {
  private readonly logger = new Logger(StockOutcomeHandler.name);

  constructor(private readonly transitions: OrderTransitionsService) {}

  async reserved(payload: StockReservedPayload): Promise<void> {
    const outcome = await this.transitions.apply(payload.orderId, (order) =>
      canTransition(order.status, OrderStatus.Confirmed) ? { to: OrderStatus.Confirmed } : null,
    );
    this.report('stock.reserved', payload.orderId, outcome);
  }

  async rejected(payload: StockRejectedPayload): Promise<void> {
    const outcome = await this.transitions.apply(payload.orderId, (order) => {
      if (!canTransition(order.status, OrderStatus.Rejected)) return null;
      const titles = new Map(order.items.map((item) => [item.bookId, item.title]));
      return {
        to: OrderStatus.Rejected,
        reason: rejectionReason(payload.shortLines, titles, payload.reason),
      };
    });
    this.report('stock.rejected', payload.orderId, outcome);
  }

  private report(event: string, orderId: string, outcome: TransitionOutcome): void {
    if (outcome.kind === 'missing') {
      this.logger.warn({ msg: `${event} for an unknown order; ignored`, orderId });
    } else if (outcome.kind === 'skipped') {
      this.logger.log({
        msg: `${event} does not apply to a ${outcome.order.status} order; ignored`,
        orderId,
      });
    }
  }
}
