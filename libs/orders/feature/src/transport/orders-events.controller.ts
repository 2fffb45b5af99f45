import type { EventEnvelope, StockRejectedPayload, StockReservedPayload } from '@bookstore/shared/contracts';
import { STOCK_REJECTED, STOCK_RESERVED } from '@bookstore/shared/contracts';
import { EventPayloadPipe, InboxService } from '@bookstore/shared/messaging';
import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';

import { StockOutcomeHandler } from '../saga/stock-outcome.handler';

/**
 * The catalog's answers to `order.created`. The inbox skips a redelivered event id; the conditional
 * update in the transition makes even a crash between effect and inbox record harmless.
 */
@Controller()
export class StockEventsController {
  constructor(
    private readonly inbox: InboxService,
    private readonly stock: StockOutcomeHandler,
  ) {}

  @EventPattern(STOCK_RESERVED)
  async reserved(@Payload(EventPayloadPipe) event: EventEnvelope<StockReservedPayload>): Promise<void> {
    await this.inbox.once(event, () => this.stock.reserved(event.payload));
  }

  @EventPattern(STOCK_REJECTED)
  async rejected(@Payload(EventPayloadPipe) event: EventEnvelope<StockRejectedPayload>): Promise<void> {
    await this.inbox.once(event, () => this.stock.rejected(event.payload));
  }
}
