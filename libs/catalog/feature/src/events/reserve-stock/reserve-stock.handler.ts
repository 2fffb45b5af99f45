import type { LineAttempt, ReservationLine, ReservationState } from '@bookstore/catalog/domain';
import {
  afterOrderCreated,
  decideReservation,
  mergeLines,
  ReservationStatus,
} from '@bookstore/catalog/domain';
import type { OrderCreatedPayload } from '@bookstore/shared/contracts';
import { Injectable } from '@nestjs/common';

import { BookCacheService } from '../../adapters/book-cache.service';
import { ReservationRepository } from '../../persistence/reservation.repository';
import type { StockView } from '../../persistence/stock-ledger';
import { StockLedger, takenMarker } from '../../persistence/stock-ledger';

/**
 * Handles `order.created`: reserve every line or none and answer with exactly one `stock.*`
 * event, whatever the redeliveries, duplicates running alongside and crashes between steps. No
 * lock, no inbox; the mechanisms are the ledger's (markers: a line is taken at most once, never
 * below zero) and the reservation's (inserted decided under the order id: one answer).
 *
 * 1. Read the books (their fences), then the reservation. Stored already: only the follow-up.
 * 2. Take the lines in order until one is short. A line another delivery of the order took counts
 *    as taken: its marker is on the book, and whichever delivery's decision is stored, the
 *    follow-up of that decision keeps or gives back exactly those units.
 * 3. Insert the decision: RESERVED with `stock.reserved`, or REJECTED with `stock.rejected`. The
 *    insert that loses (a duplicate decided first, or the cancellation left a tombstone) reads the
 *    winner instead.
 * 4. Follow up on what is stored (`afterOrderCreated`): REJECTED or a tombstone gives back what
 *    the order still marks; RESERVED forgets the markers. Giving back only AFTER the rejection is
 *    stored matters: before, it could return units a duplicate counted as held and reserved.
 * A redelivery after a crash anywhere repeats 1-4: takes find their markers, the stored decision
 * wins, and the follow-up is idempotent.
 */
@Injectable()
export class ReserveStockHandler {
  constructor(
    private readonly reservations: ReservationRepository,
    private readonly ledger: StockLedger,
    private readonly cache: BookCacheService,
  ) {}

  async execute(order: OrderCreatedPayload): Promise<ReservationStatus> {
    const lines = mergeLines(order.items);
    try {
      return await this.reserve(order.orderId, lines);
    } finally {
      // Every book of the order may have moved: drop its cached copies and the list pages.
      await Promise.all(lines.map((line) => this.cache.bookChanged(line.bookId)));
    }
  }

  private async reserve(orderId: string, lines: ReservationLine[]): Promise<ReservationStatus> {
    const books = await this.ledger.view(lines);
    const found = await this.reservations.find(orderId);
    if (found) return this.followUp(orderId, found, lines);
    const attempts = await this.takeLines(orderId, lines, books);
    const stored = attempts ? await this.decide(orderId, lines, attempts) : null;
    return this.followUp(orderId, stored ?? (await this.reservations.get(orderId)), lines);
  }

  /** Takes the lines until one is short; null when the reservation got stored meanwhile. */
  private async takeLines(
    orderId: string,
    lines: ReservationLine[],
    books: Map<string, StockView>,
  ): Promise<LineAttempt[] | null> {
    const undecided = async () => !(await this.reservations.find(orderId));
    const attempts: LineAttempt[] = [];
    for (const line of lines) {
      const result = await this.ledger.take(orderId, line, books.get(line.bookId)?.fence ?? null, undecided);
      if (result.outcome === 'moot') return null;
      const available = result.outcome === 'short' ? result.available : 0;
      attempts.push({ ...line, taken: result.outcome !== 'short', available });
      if (result.outcome === 'short') break;
    }
    // Lines after the short one are not taken (they would only go back): report them as read.
    for (const line of lines.slice(attempts.length)) {
      const book = books.get(line.bookId);
      const available = book?.live ? book.stock : 0;
      attempts.push({ ...line, taken: available >= line.quantity, available });
    }
    return attempts;
  }

  /** Inserts the decision; what is stored, or null when another delivery's decision won. */
  private async decide(
    orderId: string,
    lines: ReservationLine[],
    attempts: LineAttempt[],
  ): Promise<ReservationState | null> {
    const outcome = decideReservation(attempts);
    const inserted =
      outcome.status === ReservationStatus.Reserved
        ? await this.reservations.reserve(orderId, lines)
        : await this.reservations.reject(orderId, lines, outcome.shortLines, outcome.reason);
    return inserted ? { status: outcome.status, lines } : null;
  }

  private async followUp(
    orderId: string,
    reservation: ReservationState,
    lines: ReservationLine[],
  ): Promise<ReservationStatus> {
    const next = afterOrderCreated(reservation);
    if (next === 'give-back') await this.ledger.giveBack(orderId, lines);
    // Only `r:` markers: `x:` ones may still guard a release under way (RELEASING read as RESERVED).
    if (next === 'forget') this.ledger.forgetSoon(lines, [takenMarker(orderId)]);
    return reservation.status;
  }
}
