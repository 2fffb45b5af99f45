import { canTransition, rejectionReason } from '@bookstore/orders/domain';
import type { StockRejectedPayload } from '@bookstore/shared/contracts';
import { OrderStatus } from '@bookstore/shared/contracts';
import { Injectable, Logger } from '@nestjs/common';

import { OrderRepository } from '../../persistence/order.repository';
import { reportIgnored } from '../report-ignored';

/**
 * `stock.rejected`: the catalog could not reserve every line, so a PENDING order becomes REJECTED
 * with a reason naming the short lines. Like `stock.reserved`, any copy that finds the order no
 * longer PENDING (already rejected, or cancelled meanwhile) changes nothing.
 */
@Injectable()
export class RejectOrderHandler {
  private readonly logger = new Logger(RejectOrderHandler.name);

  constructor(private readonly orders: OrderRepository) {}

  async execute(payload: StockRejectedPayload): Promise<void> {
    const outcome = await this.orders.transition(payload.orderId, (order) => {
      if (!canTransition(order.status, OrderStatus.Rejected)) return null;
      const titles = new Map(order.items.map((item) => [item.bookId, item.title]));
      return {
        to: OrderStatus.Rejected,
        reason: rejectionReason(payload.shortLines, titles, payload.reason),
      };
    });
    reportIgnored(this.logger, 'stock.rejected', payload.orderId, outcome);
  }
}
