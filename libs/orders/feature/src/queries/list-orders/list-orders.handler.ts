import type { Actor, ListOrdersQuery, OrderPageDto } from '@bookstore/shared/contracts';
import { isAdmin } from '@bookstore/shared/contracts';
import { Injectable } from '@nestjs/common';

import { OrderRepository } from '../../persistence/order.repository';
import { toOrderDto } from '../../persistence/to-order-dto';

/** A customer sees their own orders; an admin sees all, optionally one user's. Newest first. */
@Injectable()
export class ListOrdersHandler {
  constructor(private readonly orders: OrderRepository) {}

  async execute(actor: Actor, query: ListOrdersQuery): Promise<OrderPageDto> {
    const userId = isAdmin(actor) ? query.userId : actor.userId;
    const { items, total } = await this.orders.list(
      { userId, status: query.status },
      query.page,
      query.limit,
    );
    return { items: items.map(toOrderDto), total, page: query.page, limit: query.limit };
  }
}
