import { assertManualTransition, orderNotFound } from '@bookstore/orders/domain';
import type { OrderDto, UpdateOrderStatusCommand } from '@bookstore/shared/contracts';
import { Injectable } from '@nestjs/common';

import { OrderRepository } from '../../persistence/order.repository';
import type { ReachableStatus } from '../../persistence/order-events';
import { toOrderDto } from '../../persistence/to-order-dto';

/** Admin fulfilment: CONFIRMED → SHIPPED → DELIVERED, nothing else (409 with a stable code). */
@Injectable()
export class UpdateOrderStatusHandler {
  constructor(private readonly orders: OrderRepository) {}

  async execute(command: UpdateOrderStatusCommand): Promise<OrderDto> {
    const outcome = await this.orders.transition(command.id, (order) => {
      assertManualTransition(order.status, command.status);
      return { to: command.status as ReachableStatus };
    });
    if (outcome.kind === 'missing') throw orderNotFound();
    return toOrderDto(outcome.order);
  }
}
