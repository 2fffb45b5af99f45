import { visibleOrder } from '@bookstore/orders/domain';
import type { Actor, OrderDto } from '@bookstore/shared/contracts';
import { Injectable } from '@nestjs/common';

import { OrderRepository } from '../../persistence/order.repository';
import { toOrderDto } from '../../persistence/to-order-dto';

/** One order with its status history, for its owner or an admin; 404 for anyone else. */
@Injectable()
export class GetOrderHandler {
  constructor(private readonly orders: OrderRepository) {}

  async execute(actor: Actor, orderId: string): Promise<OrderDto> {
    return toOrderDto(visibleOrder(await this.orders.findById(orderId), actor));
  }
}
