import { assertTransition, orderNotFound, visibleOrder } from '@bookstore/orders/domain';
import type { Actor, OrderDto } from '@bookstore/shared/contracts';
import { OrderStatus } from '@bookstore/shared/contracts';
import { Injectable } from '@nestjs/common';

import { OrderRepository } from '../../persistence/order.repository';
import { toOrderDto } from '../../persistence/to-order-dto';

/**
 * Cancels a PENDING or CONFIRMED order (owner or admin) and announces `order.cancelled`, on which
 * the catalog releases whatever it reserved for the order. Cancelling while PENDING is safe even if
 * the catalog reserves afterwards: `order.created` and `order.cancelled` leave this order's outbox
 * in that order, so the catalog sees the cancel after the reservation and releases it, while the
 * late `stock.reserved` finds the order CANCELLED here and changes nothing.
 */
@Injectable()
export class CancelOrderHandler {
  constructor(private readonly orders: OrderRepository) {}

  async execute(actor: Actor, orderId: string): Promise<OrderDto> {
    const outcome = await this.orders.transition(orderId, (order) => {
      visibleOrder(order, actor);
      assertTransition(order.status, OrderStatus.Cancelled);
      return {
        to: OrderStatus.Cancelled,
        reason: `Cancelled by ${order.userId === actor.userId ? 'customer' : 'admin'}`,
      };
    });
    if (outcome.kind === 'missing') throw orderNotFound();
    return toOrderDto(outcome.order);
  }
}
