import type { ReservationLine, ReservationState } from '@bookstore/catalog/domain';
import { afterOrderCancelled, mergeLines, ReservationStatus } from '@bookstore/catalog/domain';
import type { OrderCancelledPayload } from '@bookstore/shared/contracts';
import { Injectable } from '@nestjs/common';

import { BookCacheService } from '../../adapters/book-cache.service';
import { ReservationRepository } from '../../persistence/reservation.repository';
import type { StockView } from '../../persistence/stock-ledger';
import { releasedMarker, StockLedger, takenMarker } from '../../persistence/stock-ledger';

/**
 * Handles `order.cancelled`: gives back exactly what the order holds, once, with `stock.released`.
 * Same mechanisms as reserve-stock.handler.ts, and the same order of reads (books, then the
 * reservation):
 * - no reservation (the cancellation overtook `order.created`): insert a RELEASED tombstone with an
 *   empty `stock.released`, so the late reservation finds it and reserves nothing, and give back
 *   any line the order already took (the payload names them), so a reservation that crashed
 *   half-way leaks nothing;
 * - RESERVED -> RELEASING (conditional), each line put back once (`x:` marker), RELEASING ->
 *   RELEASED with `stock.released` in the same write; a crash leaves RELEASING and the redelivery
 *   puts back only the lines not yet marked;
 * - REJECTED or a tombstone: give back what the order still marks; RELEASED: forget the markers.
 */
@Injectable()
export class ReleaseStockHandler {
  constructor(
    private readonly reservations: ReservationRepository,
    private readonly ledger: StockLedger,
    private readonly cache: BookCacheService,
  ) {}

  async execute(order: OrderCancelledPayload): Promise<ReservationStatus> {
    const lines = mergeLines(order.items);
    try {
      return await this.cancel(order.orderId, lines);
    } finally {
      await Promise.all(lines.map((line) => this.cache.bookChanged(line.bookId)));
    }
  }

  private async cancel(orderId: string, lines: ReservationLine[]): Promise<ReservationStatus> {
    const books = await this.ledger.view(lines);
    const found = await this.reservations.find(orderId);
    if (found) return this.followUp(orderId, found, lines, books);
    const tombstone = { status: ReservationStatus.Released, lines: [] };
    const stored = (await this.reservations.cancelBeforeReserved(orderId))
      ? tombstone
      : await this.reservations.get(orderId);
    return this.followUp(orderId, stored, lines, books);
  }

  private async followUp(
    orderId: string,
    reservation: ReservationState,
    lines: ReservationLine[],
    books: Map<string, StockView>,
  ): Promise<ReservationStatus> {
    switch (afterOrderCancelled(reservation)) {
      case 'give-back':
        // A tombstone has no lines: what the order may have taken is what the payload names.
        await this.ledger.giveBack(orderId, reservation.lines.length ? reservation.lines : lines);
        return reservation.status;
      case 'release':
        return this.release(orderId, reservation, books);
      case 'forget':
        this.ledger.forgetSoon(reservation.lines, [takenMarker(orderId), releasedMarker(orderId)]);
        return reservation.status;
      default:
        return reservation.status;
    }
  }

  private async release(
    orderId: string,
    reservation: ReservationState,
    books: Map<string, StockView>,
  ): Promise<ReservationStatus> {
    if (
      reservation.status === ReservationStatus.Reserved &&
      !(await this.reservations.startRelease(orderId))
    ) {
      // Another delivery moved it first: carry on from where it is.
      const now = await this.reservations.get(orderId);
      if (now.status !== ReservationStatus.Releasing) return this.followUp(orderId, now, [], books);
    }
    const releasing = async () =>
      (await this.reservations.get(orderId)).status === ReservationStatus.Releasing;
    for (const line of reservation.lines) {
      // False: another delivery finished the release meanwhile (and put this line back).
      if (!(await this.ledger.putBack(orderId, line, books.get(line.bookId)?.fence ?? null, releasing)))
        break;
    }
    await this.reservations.finishRelease(orderId, reservation.lines);
    this.ledger.forgetSoon(reservation.lines, [takenMarker(orderId), releasedMarker(orderId)]);
    return ReservationStatus.Released;
  }
}
