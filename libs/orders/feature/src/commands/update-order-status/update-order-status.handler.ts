import { assertManualTransition } from '@bookstore/orders/domain';
import type { OrderDto, UpdateOrderStatusCommand } from '@bookstore/shared/contracts';
import { Injectable } from '@nestjs/common';

import { isOrderId, orderNotFound } from '../../access/order-access';
import { toOrderDto } from '../../persistence/to-order-dto';
import type { ReachableStatus } from '../../transitions/order-events';
import { OrderTransitionsService } from '../../transitions/order-transitions.service';

/** Admin fulfilment: CONFIRMED → SHIPPED → DELIVERED, nothing else (409 with a stable code). */
@Injectable()
export class UpdateOrderStatusHandler {
  constructor(private readonly transitions: OrderTransitionsService) {}

  async execute(command: UpdateOrderStatusCommand): Promise<OrderDto> {
    if (!isOrderId(command.id)) throw orderNotFound();
    const outcome = await this.transitions.apply(command.id, (order) => {
      assertManualTransition(order.status, command.status);
      return { to: command.status as ReachableStatus };
    });
    if (outcome.kind === 'missing') throw orderNotFound();
    return toOrderDto(outcome.order);
  }
}
