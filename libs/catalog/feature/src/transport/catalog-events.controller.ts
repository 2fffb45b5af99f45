import type {
  EventEnvelope,
  OrderCancelledPayload,
  OrderCreatedPayload,
  OrderRejectedPayload,
} from '@bookstore/shared/contracts';
import { ORDER_CANCELLED, ORDER_CREATED, ORDER_REJECTED } from '@bookstore/shared/contracts';
import { EventPayloadPipe } from '@bookstore/shared/messaging';
import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';

import { ReleaseStockHandler } from '../events/release-stock/release-stock.handler';
import { ReserveStockHandler } from '../events/reserve-stock/reserve-stock.handler';

/**
 * The catalog's part of the order saga: reserve on `order.created`, release on `order.cancelled`
 * and `order.rejected`.
 * No inbox: each handler is idempotent by itself (the reservation's natural key, conditional
 * transitions and the books' stock markers), so a redelivered or duplicated event, even one
 * handled alongside its twin, changes nothing the first copy did not.
 */
@Controller()
export class CatalogEventsController {
  constructor(
    private readonly reserveStock: ReserveStockHandler,
    private readonly releaseStock: ReleaseStockHandler,
  ) {}

  @EventPattern(ORDER_CREATED)
  async onOrderCreated(@Payload(EventPayloadPipe) event: EventEnvelope<OrderCreatedPayload>): Promise<void> {
    await this.reserveStock.execute(event.payload);
  }

  @EventPattern(ORDER_CANCELLED)
  async onOrderCancelled(
    @Payload(EventPayloadPipe) event: EventEnvelope<OrderCancelledPayload>,
  ): Promise<void> {
    await this.releaseStock.execute(event.payload);
  }

  /**
   * An order the orders service rejected itself (its saga deadline passed, `timeout`) may hold a
   * reservation the catalog made meanwhile, or get one from an `order.created` still on its way
   * (parked, then replayed): releasing it like a cancellation gives back what is held and leaves a
   * RELEASED tombstone that makes a late reservation reserve nothing. For an order the catalog
   * rejected, the reservation is already REJECTED and holds nothing: the release changes nothing.
   */
  @EventPattern(ORDER_REJECTED)
  async onOrderRejected(
    @Payload(EventPayloadPipe) event: EventEnvelope<OrderRejectedPayload>,
  ): Promise<void> {
    await this.releaseStock.execute(event.payload);
  }
}
