import { createEnvelope, OutboxRelay } from '@bookstore/shared/messaging';
import { Inject, Injectable } from '@nestjs/common';

import { ORDER_REPOSITORY, ORDERS_OUTBOX_RELAY } from '../orders.tokens';
import type { OrderRecord } from '../persistence/order.record';
import type { OrderRepository } from '../persistence/order.repository';
import { Order } from '../persistence/order.schema';
import type { ReachableStatus } from './order-events';
import { EVENT_OF_STATUS, statusChangedPayload } from './order-events';

/** What a use case decides for the order as it is now: move it, or leave it (null). */
export type TransitionPlan = (order: OrderRecord) => { to: ReachableStatus; reason?: string } | null;

export type TransitionOutcome =
  { kind: 'moved'; order: OrderRecord } | { kind: 'skipped'; order: OrderRecord } | { kind: 'missing' };

const MAX_RACES = 5;

/**
 * Applies status changes: read the order, let the plan decide (it consults the domain state
 * machine), then write conditionally on the status that was read, with the history entry and the
 * event in the same update. If another writer won meanwhile, the plan is asked again on the new
 * state, so a move is applied at most once whatever the concurrency or redelivery.
 */
@Injectable()
export class OrderTransitionsService {
  constructor(
    @Inject(ORDER_REPOSITORY) private readonly orders: OrderRepository,
    @Inject(ORDERS_OUTBOX_RELAY) private readonly relay: OutboxRelay,
  ) {}

  async apply(orderId: string, plan: TransitionPlan): Promise<TransitionOutcome> {
    for (let attempt = 0; attempt < MAX_RACES; attempt++) {
      const order = await this.orders.findById(orderId);
      if (!order) return { kind: 'missing' };
      const decision = plan(order);
      if (!decision) return { kind: 'skipped', order };
      const event = createEnvelope(
        EVENT_OF_STATUS[decision.to],
        statusChangedPayload(order, decision.reason),
      );
      const change = {
        status: decision.to,
        at: new Date(),
        ...(decision.reason ? { reason: decision.reason } : {}),
      };
      const moved = await this.orders.transition(order.id, order.status, change, event);
      if (moved) {
        this.relay.kick({ model: Order.name, id: order.id });
        return { kind: 'moved', order: moved };
      }
    }
    throw new Error(`order ${orderId} kept changing under us; giving up this attempt`);
  }
}
