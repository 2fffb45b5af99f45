import type { Actor, OrderDto } from '@bookstore/shared/contracts';
import { Inject, Injectable } from '@nestjs/common';

import { isOrderId, orderNotFound, visibleOrder } from '../../access/order-access';
import { ORDER_REPOSITORY } from '../../orders.tokens';
import type { OrderRepository } from '../../persistence/order.repository';
import { toOrderDto } from '../../persistence/to-order-dto';

/** One order with its status history, for its owner or an admin; 404 for anyone else. */
@Injectable()
export class GetOrderHandler {
  constructor(@Inject(ORDER_REPOSITORY) private readonly orders: OrderRepository) {}

  async execute(actor: Actor, orderId: string): Promise<OrderDto> {
    if (!isOrderId(orderId)) throw orderNotFound();
    return toOrderDto(visibleOrder(await this.orders.findById(orderId), actor));
  }
}
