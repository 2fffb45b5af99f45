import type { ReservationLine } from '@bookstore/catalog/domain';
import { releaseStep, ReservationStatus } from '@bookstore/catalog/domain';
import type { OrderCancelledPayload } from '@bookstore/shared/contracts';
import { STOCK_RELEASED } from '@bookstore/shared/contracts';
import { createEnvelope, OutboxRelay } from '@bookstore/shared/messaging';
import { DocumentLocks } from '@bookstore/shared/messaging';
import { Inject, Injectable } from '@nestjs/common';

import { BookCacheService } from '../cache/book-cache.service';
import { CATALOG_OUTBOX } from '../catalog.tokens';
import { reservationLock } from '../catalog-locks';
import { ReservationStore } from './reservation-store';
import { releasedMarker, StockLedger, takenMarker } from './stock-ledger';
import { StockReservation } from './stock-reservation.schema';

/**
 * Handles `order.cancelled`: gives back exactly what the order reserved, once, and emits
 * `stock.released` through the outbox. Same building blocks as reserve-stock.handler.ts:
 * - RESERVED -> RELEASING (conditional, so only one delivery starts it), each line returned with a
 *   `x:<order>` marker on the book (a retry never returns it twice), then RELEASING -> RELEASED
 *   with `stock.released` in the same write;
 * - no reservation yet (the cancel overtook `order.created`): a RELEASED tombstone with an empty
 *   `stock.released`, so the late `order.created` finds it and reserves nothing;
 * - a reservation left half-done by a crash (PENDING/REJECTING): what it marked is given back and
 *   it ends RELEASED with nothing held;
 * - REJECTED or RELEASED: nothing to give back, no second event.
 */
@Injectable()
export class ReleaseStockHandler {
  constructor(
    private readonly store: ReservationStore,
    private readonly ledger: StockLedger,
    private readonly cache: BookCacheService,
    private readonly locks: DocumentLocks,
    @Inject(CATALOG_OUTBOX) private readonly relay: OutboxRelay,
  ) {}

  execute(order: OrderCancelledPayload): Promise<ReservationStatus> {
    return this.locks.run(reservationLock(order.orderId), async () => {
      const { reservation, created } = await this.store.findOrCreate(
        order.orderId,
        { status: ReservationStatus.Released, lines: [] },
        [createEnvelope(STOCK_RELEASED, { orderId: order.orderId, items: [] })],
      );
      try {
        if (!created) await this.advance(reservation);
        return reservation.status;
      } finally {
        await Promise.all(reservation.lines.map((line) => this.cache.bookChanged(line.bookId)));
        this.relay.kick({ model: StockReservation.name, id: order.orderId });
      }
    });
  }

  private async advance(reservation: StockReservation): Promise<void> {
    const { _id: orderId, lines } = reservation;
    const step = releaseStep(reservation.status);
    if (step === 'release') {
      await this.store.transition(reservation, [ReservationStatus.Reserved], ReservationStatus.Releasing);
      for (const line of lines) await this.ledger.putBack(orderId, line);
      await this.finish(reservation, [ReservationStatus.Releasing], lines);
    } else if (step === 'abort') {
      await this.store.transition(
        reservation,
        [ReservationStatus.Pending, ReservationStatus.Rejecting],
        ReservationStatus.Rejecting,
        { reason: 'Order cancelled' },
      );
      for (const line of lines) await this.ledger.giveBack(orderId, line);
      await this.finish(reservation, [ReservationStatus.Rejecting], []);
    }
    if (reservation.status === ReservationStatus.Released) {
      await this.ledger.forget(lines, [takenMarker(orderId), releasedMarker(orderId)]);
    }
  }

  private async finish(
    reservation: StockReservation,
    from: ReservationStatus[],
    released: ReservationLine[],
  ): Promise<void> {
    await this.store.transition(
      reservation,
      from,
      ReservationStatus.Released,
      {},
      createEnvelope(STOCK_RELEASED, {
        orderId: reservation._id,
        items: released.map(({ bookId, quantity }) => ({ bookId, quantity })),
      }),
    );
  }
}
