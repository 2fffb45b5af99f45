import { canTransition } from '@bookstore/orders/domain';
import type { StockReservedPayload } from '@bookstore/shared/contracts';
import { OrderStatus } from '@bookstore/shared/contracts';
import { Injectable, Logger } from '@nestjs/common';

import { OrderRepository } from '../../persistence/order.repository';
import { reportIgnored } from '../report-ignored';

/**
 * `stock.reserved`: the catalog holds the order's stock, so a PENDING order becomes CONFIRMED. Any
 * other copy of it (redelivered, or the same fact published again under a new event id, handled
 * after or at the same time) finds the order CONFIRMED and changes nothing. A late one for an
 * order cancelled while PENDING changes nothing either: the catalog receives that order's
 * `order.cancelled` after its `order.created`, and releases what it reserved.
 */
@Injectable()
export class ConfirmOrderHandler {
  private readonly logger = new Logger(ConfirmOrderHandler.name);

  constructor(private readonly orders: OrderRepository) {}

  async execute(payload: StockReservedPayload): Promise<void> {
    const outcome = await this.orders.transition(payload.orderId, (order) =>
      canTransition(order.status, OrderStatus.Confirmed) ? { to: OrderStatus.Confirmed } : null,
    );
    reportIgnored(this.logger, 'stock.reserved', payload.orderId, outcome);
  }
}
