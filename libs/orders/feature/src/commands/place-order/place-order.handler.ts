import { clientIdempotencySlot, idempotencySlot, priceOrder } from '@bookstore/orders/domain';
import type { Actor, OrderDto, PlaceOrderCommand } from '@bookstore/shared/contracts';
import { Injectable } from '@nestjs/common';
import { Types } from 'mongoose';

import { CatalogBooksClient } from '../../adapters/catalog-books.client';
import { OrderRepository } from '../../persistence/order.repository';
import { toOrderDto } from '../../persistence/to-order-dto';

/**
 * Places an order: prices it from the catalog and stores it PENDING (the repository stores
 * `order.created` with it, in the same insert), and the saga takes over. A repeated
 * `Idempotency-Key` of the same user returns the first order, also when requests race: the
 * unique index lets one insert win, and every loser answers with the winner's order.
 */
@Injectable()
export class PlaceOrderHandler {
  constructor(
    private readonly orders: OrderRepository,
    private readonly catalog: CatalogBooksClient,
  ) {}

  async execute(actor: Actor, command: PlaceOrderCommand): Promise<OrderDto> {
    const key = command.idempotencyKey;
    if (key !== undefined) {
      const earlier = await this.orders.findByIdempotencyKey(actor.userId, clientIdempotencySlot(key));
      if (earlier) return toOrderDto(earlier);
    }
    const quotes = await this.catalog.quotes(command.items.map((line) => line.bookId));
    const priced = priceOrder(command.items, quotes);
    const id = new Types.ObjectId().toHexString();
    const order = await this.orders.insert({
      id,
      userId: actor.userId,
      items: priced.items,
      totalCents: priced.totalCents,
      idempotencyKey: idempotencySlot(id, key),
    });
    if (order) return toOrderDto(order);
    // A concurrent request with the same key inserted first (a keyless slot names this order, so
    // only a client key can be taken): answer with the winner's order.
    const winner = await this.orders.findByIdempotencyKey(actor.userId, idempotencySlot(id, key));
    if (!winner) throw new Error(`order ${id}: idempotency slot taken, but no order holds it`);
    return toOrderDto(winner);
  }
}
