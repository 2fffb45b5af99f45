import type { EventEnvelope, OrderCancelledPayload, OrderCreatedPayload } from '@bookstore/shared/contracts';
import { ORDER_CANCELLED, ORDER_CREATED } from '@bookstore/shared/contracts';
import { EventPayloadPipe, InboxService } from '@bookstore/shared/messaging';
import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';

import { ReleaseStockHandler } from './release-stock.handler';
import { ReserveStockHandler } from './reserve-stock.handler';

/** The catalog's part of the order saga: reserve on `order.created`, release on `order.cancelled`. */
@Controller()
export class StockEventsController {
  constructor(
    private readonly inbox: InboxService,
    private readonly reserve: ReserveStockHandler,
    private readonly release: ReleaseStockHandler,
  ) {}

  @EventPattern(ORDER_CREATED)
  async onOrderCreated(@Payload(EventPayloadPipe) event: EventEnvelope<OrderCreatedPayload>): Promise<void> {
    await this.inbox.once(event, async () => {
      await this.reserve.execute(event.payload);
    });
  }

  @EventPattern(ORDER_CANCELLED)
  async onOrderCancelled(
    @Payload(EventPayloadPipe) event: EventEnvelope<OrderCancelledPayload>,
  ): Promise<void> {
    await this.inbox.once(event, async () => {
      await this.release.execute(event.payload);
    });
  }
}
