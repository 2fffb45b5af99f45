import { clientIdempotencySlot, idempotencySlot, priceOrder } from '@bookstore/orders/domain';
import type { Actor, OrderDto, PlaceOrderCommand } from '@bookstore/shared/contracts';
import { ORDER_CREATED, OrderStatus } from '@bookstore/shared/contracts';
import { createEnvelope, OutboxRelay } from '@bookstore/shared/messaging';
import { Inject, Injectable } from '@nestjs/common';
import { Types } from 'mongoose';

import { CatalogBooksClient } from '../../catalog/catalog-books.client';
import { ORDER_REPOSITORY, ORDERS_OUTBOX_RELAY } from '../../orders.tokens';
import type { OrderRepository } from '../../persistence/order.repository';
import { DuplicateIdempotencyKeyError } from '../../persistence/order.repository';
import { Order } from '../../persistence/order.schema';
import { toOrderDto } from '../../persistence/to-order-dto';

/**
 * Places an order: prices it from the catalog, stores it PENDING with `order.created` in its outbox
 * (one insert), and lets the saga take over. A repeated `Idempotency-Key` of the same user returns
 * the first order, also when two requests race: the unique index lets one insert win, and the
 * loser answers with the winner's order.
 */
@Injectable()
export class PlaceOrderHandler {
  constructor(
    @Inject(ORDER_REPOSITORY) private readonly orders: OrderRepository,
    @Inject(ORDERS_OUTBOX_RELAY) private readonly relay: OutboxRelay,
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
    const event = createEnvelope(ORDER_CREATED, {
      orderId: id,
      userId: actor.userId,
      items: priced.items.map(({ bookId, quantity, unitPriceCents }) => ({
        bookId,
        quantity,
        unitPriceCents,
      })),
      totalCents: priced.totalCents,
    });
    try {
      const order = await this.orders.insert({
        id,
        userId: actor.userId,
        status: OrderStatus.Pending,
        items: priced.items,
        totalCents: priced.totalCents,
        statusHistory: [{ status: OrderStatus.Pending, at: new Date() }],
        idempotencyKey: idempotencySlot(id, key),
        outbox: [event],
      });
      this.relay.kick({ model: Order.name, id });
      return toOrderDto(order);
    } catch (error) {
      if (!(error instanceof DuplicateIdempotencyKeyError) || key === undefined) throw error;
      const winner = await this.orders.findByIdempotencyKey(actor.userId, clientIdempotencySlot(key));
      if (!winner) throw error;
      return toOrderDto(winner);
    }
  }
}
