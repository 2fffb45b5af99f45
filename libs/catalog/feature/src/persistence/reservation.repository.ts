import type { ReservationLine, ShortLine } from '@bookstore/catalog/domain';
import { ReservationStatus } from '@bookstore/catalog/domain';
import type { EventEnvelope } from '@bookstore/shared/contracts';
import { STOCK_REJECTED, STOCK_RELEASED, STOCK_RESERVED } from '@bookstore/shared/contracts';
import { createEnvelope } from '@bookstore/shared/messaging';
import { InjectOutbox, OutboxCollection } from '@bookstore/shared/persistence';
import { Injectable } from '@nestjs/common';

import { StockReservation } from './stock-reservation.schema';

/**
 * The stock_reservations collection. Exactly one answer per order rests on its natural key: the
 * reservation's `_id` is the order id and it is INSERTED already decided, with its answer in its
 * outbox, so of concurrent deliveries one insert wins and the others get `false` and read what
 * won. After that it only moves by conditional transitions (`{_id, status: FROM}`), each with its
 * event in the same write, so each transition and its event happen once.
 */
@Injectable()
export class ReservationRepository {
  constructor(
    @InjectOutbox(StockReservation.name) private readonly reservations: OutboxCollection<StockReservation>,
  ) {}

  find(orderId: string): Promise<StockReservation | null> {
    return this.reservations.model.findById(orderId, { outbox: 0 }).lean<StockReservation>().exec();
  }

  /** The reservation an insert just lost to (reservations are never deleted, so it is there). */
  async get(orderId: string): Promise<StockReservation> {
    const found = await this.find(orderId);
    if (!found) throw new Error(`reservation ${orderId} lost a race to one that is not stored`);
    return found;
  }

  /** Stores RESERVED with `stock.reserved`; false when the order already has a reservation. */
  reserve(orderId: string, lines: readonly ReservationLine[]): Promise<boolean> {
    return this.insert({ _id: orderId, status: ReservationStatus.Reserved, lines: toLines(lines) }, [
      createEnvelope(STOCK_RESERVED, { orderId, items: toLines(lines) }),
    ]);
  }

  /** Stores REJECTED with `stock.rejected`; false when the order already has a reservation. */
  reject(
    orderId: string,
    lines: readonly ReservationLine[],
    shortLines: readonly ShortLine[],
    reason: string,
  ): Promise<boolean> {
    const short = shortLines.map(({ bookId, requested, available }) => ({ bookId, requested, available }));
    return this.insert(
      { _id: orderId, status: ReservationStatus.Rejected, lines: toLines(lines), shortLines: short, reason },
      [createEnvelope(STOCK_REJECTED, { orderId, shortLines: short, reason })],
    );
  }

  /**
   * Stores a RELEASED tombstone (no lines) with an empty `stock.released`, for a cancellation that
   * overtook `order.created`: the late reservation finds it and reserves nothing. False when the
   * order already has a reservation.
   */
  cancelBeforeReserved(orderId: string): Promise<boolean> {
    return this.insert({ _id: orderId, status: ReservationStatus.Released, lines: [] }, [
      createEnvelope(STOCK_RELEASED, { orderId, items: [] }),
    ]);
  }

  /** RESERVED -> RELEASING: the lines are going back; false when it was not RESERVED. */
  startRelease(orderId: string): Promise<boolean> {
    return this.reservations.update(
      { _id: orderId, status: ReservationStatus.Reserved },
      { $set: { status: ReservationStatus.Releasing } },
      [],
    );
  }

  /** RELEASING -> RELEASED with `stock.released` naming the lines; false when it was not RELEASING. */
  finishRelease(orderId: string, lines: readonly ReservationLine[]): Promise<boolean> {
    return this.reservations.update(
      { _id: orderId, status: ReservationStatus.Releasing },
      { $set: { status: ReservationStatus.Released } },
      [createEnvelope(STOCK_RELEASED, { orderId, items: toLines(lines) })],
    );
  }

  private async insert(
    doc: Partial<StockReservation> & { _id: string },
    events: EventEnvelope[],
  ): Promise<boolean> {
    return (await this.reservations.insert(doc, events)) !== null;
  }
}

function toLines(lines: readonly ReservationLine[]): ReservationLine[] {
  return lines.map(({ bookId, quantity }) => ({ bookId, quantity }));
}
