import type { EventEnvelope, StockRejectedPayload, StockReservedPayload } from '@bookstore/shared/contracts';
import { STOCK_REJECTED, STOCK_RESERVED } from '@bookstore/shared/contracts';
import { EventPayloadPipe } from '@bookstore/shared/messaging';
import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';

import { ConfirmOrderHandler } from '../events/confirm-order/confirm-order.handler';
import { RejectOrderHandler } from '../events/reject-order/reject-order.handler';

/**
 * The catalog's answers to `order.created`. No inbox: each handler is idempotent by itself (its
 * move is a conditional update on the order's status), so a redelivered or duplicated event, even
 * one handled concurrently with its twin, changes nothing the first copy did not.
 */
@Controller()
export class OrdersEventsController {
  constructor(
    private readonly confirmOrder: ConfirmOrderHandler,
    private readonly rejectOrder: RejectOrderHandler,
  ) {}

  @EventPattern(STOCK_RESERVED)
  reserved(@Payload(EventPayloadPipe) event: EventEnvelope<StockReservedPayload>): Promise<void> {
    return this.confirmOrder.execute(event.payload);
  }

  @EventPattern(STOCK_REJECTED)
  rejected(@Payload(EventPayloadPipe) event: EventEnvelope<StockRejectedPayload>): Promise<void> {
    return this.rejectOrder.execute(event.payload);
  }
}
