/*
 * Reserving an order's stock: the catalog side of the order saga, safe under redelivery,
 * duplicates, concurrency and a crash at any point. MongoDB here has no multi-document
 * transactions, so the design rests on single-document atomic updates:
 *
 * 0. Everything runs under the reservation's lock (and each stock movement under its book's lock):
 *    FerretDB does not apply conditional updates atomically (see locks/document-locks.ts), and
 *    the lock also serialises duplicates of one order delivered at the same moment.
 * 1. The reservation document (`_id` = order id) is created FIRST, with status PENDING and the
 *    merged lines. A second delivery finds it instead of starting over.
 * 2. Each line is taken with ONE conditional update of the book:
 *      { _id, stock >= q, stockOps != "r:<order>" } -> { $inc: { stock: -q }, $push: { stockOps: "r:<order>" } }
 *    The marker travels with the decrement, so the book itself records that this order already
 *    holds its units: a retry after a crash never takes them twice, and a compensation
 *    (`{ stockOps: "r:<order>" } -> $inc +q, $pull marker`) gives back exactly what was taken,
 *    once. Stock can never go negative; nothing is ever read-then-written.
 * 3. The decision is recorded with the event in one write of the reservation:
 *      all taken -> PENDING -> RESERVED + `stock.reserved` in its outbox;
 *      a line short -> PENDING -> REJECTING (short lines, reason), then every marked line is given
 *      back, then REJECTING -> REJECTED + `stock.rejected` in its outbox.
 *    Each transition is conditional on the expected status, so one order gets exactly one answer.
 * 4. Markers of a final reservation are removed ("tidy-up") afterwards; it is idempotent and
 *    repeated by every later delivery, so a crash before it only leaves harmless markers behind.
 *
 * A crash between line 1 and line 2 leaves PENDING with line 1's marker: the redelivery (or any
 * duplicate) locks the reservation, sees line 1 already marked as taken, takes line 2 and decides.
 * A crash during compensation leaves REJECTING: the next delivery gives back what is still marked
 * and emits the rejection. The OutboxRelay publishes the stored events after the broker confirms.
 */
import type { LineAttempt, ReservationLine } from '@bookstore/catalog/domain';
import { decideReservation, mergeLines, ReservationStatus, reserveStep } from '@bookstore/catalog/domain';
import type { OrderCreatedPayload } from '@bookstore/shared/contracts';
import { STOCK_REJECTED, STOCK_RESERVED } from '@bookstore/shared/contracts';
import { createEnvelope, OutboxRelay } from '@bookstore/shared/messaging';
import { DocumentLocks } from '@bookstore/shared/messaging';
import { Inject, Injectable } from '@nestjs/common';

import { BookCacheService } from '../cache/book-cache.service';
import { CATALOG_OUTBOX } from '../catalog.tokens';
import { reservationLock } from '../catalog-locks';
import { ReservationStore } from './reservation-store';
import { releasedMarker, StockLedger, takenMarker } from './stock-ledger';
import { StockReservation } from './stock-reservation.schema';

/** Handles `order.created`: reserve every line or none, and answer with exactly one `stock.*` event. */
@Injectable()
export class ReserveStockHandler {
  constructor(
    private readonly store: ReservationStore,
    private readonly ledger: StockLedger,
    private readonly cache: BookCacheService,
    private readonly locks: DocumentLocks,
    @Inject(CATALOG_OUTBOX) private readonly relay: OutboxRelay,
  ) {}

  execute(order: OrderCreatedPayload): Promise<ReservationStatus> {
    const lines = mergeLines(order.items);
    return this.locks.run(reservationLock(order.orderId), async () => {
      const { reservation } = await this.store.findOrCreate(order.orderId, {
        status: ReservationStatus.Pending,
        lines,
      });
      try {
        await this.advance(reservation);
        return reservation.status;
      } finally {
        // Every book of the order may have moved: drop its cached copies and the list pages.
        await Promise.all(reservation.lines.map((line) => this.cache.bookChanged(line.bookId)));
        this.relay.kick({ model: StockReservation.name, id: order.orderId });
      }
    });
  }

  private async advance(reservation: StockReservation): Promise<void> {
    if (reserveStep(reservation.status) === 'take-lines') await this.takeLines(reservation);
    if (reservation.status === ReservationStatus.Rejecting) await this.finishRejection(reservation);
    await this.tidyUp(reservation);
  }

  private async takeLines(reservation: StockReservation): Promise<void> {
    const { _id: orderId, lines } = reservation;
    const attempts: LineAttempt[] = [];
    for (const line of lines) {
      const attempt = await this.ledger.take(orderId, line);
      attempts.push(attempt);
      if (!attempt.taken) break;
    }
    // Lines after the first short one are not taken (it would only be given back); report them too.
    for (const line of lines.slice(attempts.length)) {
      const available = await this.ledger.available(line.bookId);
      attempts.push({ ...line, taken: available >= line.quantity, available });
    }
    const outcome = decideReservation(attempts);
    if (outcome.status === ReservationStatus.Reserved) {
      await this.store.transition(
        reservation,
        [ReservationStatus.Pending],
        ReservationStatus.Reserved,
        {},
        createEnvelope(STOCK_RESERVED, { orderId, items: lines.map(toLine) }),
      );
      return;
    }
    await this.store.transition(reservation, [ReservationStatus.Pending], ReservationStatus.Rejecting, {
      shortLines: outcome.shortLines,
      reason: outcome.reason,
    });
  }

  private async finishRejection(reservation: StockReservation): Promise<void> {
    const { _id: orderId, lines } = reservation;
    for (const line of lines) await this.ledger.giveBack(orderId, line);
    await this.store.transition(
      reservation,
      [ReservationStatus.Rejecting],
      ReservationStatus.Rejected,
      {},
      createEnvelope(STOCK_REJECTED, {
        orderId,
        shortLines: reservation.shortLines.map(({ bookId, requested, available }) => ({
          bookId,
          requested,
          available,
        })),
        reason: reservation.reason ?? 'Insufficient stock',
      }),
    );
  }

  private async tidyUp(reservation: StockReservation): Promise<void> {
    const { _id: orderId, lines, status } = reservation;
    // REJECTED needs nothing: giving the lines back removed their markers.
    if (status === ReservationStatus.Reserved) {
      await this.ledger.forget(lines, [takenMarker(orderId)]);
    } else if (status === ReservationStatus.Released) {
      await this.ledger.forget(lines, [takenMarker(orderId), releasedMarker(orderId)]);
    }
  }
}

function toLine({ bookId, quantity }: ReservationLine): ReservationLine {
  return { bookId, quantity };
}
