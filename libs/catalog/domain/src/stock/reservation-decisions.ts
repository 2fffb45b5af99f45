import type { LineAttempt, ReservationLine, ShortLine } from './reservation-line';
import { ReservationStatus } from './reservation-status';

export type ReservationOutcome =
  | { status: ReservationStatus.Reserved }
  | { status: ReservationStatus.Rejected; shortLines: ShortLine[]; reason: string };

/** All or nothing: reserved only when every line was taken. */
export function decideReservation(attempts: readonly LineAttempt[]): ReservationOutcome {
  const short = attempts.filter((attempt) => !attempt.taken);
  if (attempts.length > 0 && short.length === 0) return { status: ReservationStatus.Reserved };
  const shortLines = short.map(({ bookId, quantity, available }) => ({
    bookId,
    requested: quantity,
    available,
  }));
  const detail = shortLines
    .map((line) => `${line.bookId} (requested ${line.requested}, available ${line.available})`)
    .join(', ');
  return { status: ReservationStatus.Rejected, shortLines, reason: `Insufficient stock: ${detail}` };
}

/** A stored reservation, as far as the decisions below need it. */
export interface ReservationState {
  status: ReservationStatus;
  lines: readonly ReservationLine[];
}

/** A RELEASED reservation without lines: the cancellation came first, so it never held stock. */
export function isTombstone(reservation: ReservationState): boolean {
  return reservation.status === ReservationStatus.Released && reservation.lines.length === 0;
}

/**
 * What a delivery still has to do to the books once the order's reservation is stored:
 * - `give-back`: the reservation holds nothing and never will (REJECTED, a tombstone), so a line
 *   still marked as taken by the order is a take to undo;
 * - `forget`: the reservation holds its lines (RESERVED) or held and released them (RELEASED); the
 *   markers only record moves already made and can go;
 * - `release`: the lines of a cancelled order go back to stock (RESERVED or RELEASING);
 * - `none`: a release is under way and its own deliveries finish it.
 */
export type StockFollowUp = 'give-back' | 'forget' | 'release' | 'none';

/** The follow-up of an `order.created` delivery that found (or just stored) `reservation`. */
export function afterOrderCreated(reservation: ReservationState): StockFollowUp {
  if (reservation.status === ReservationStatus.Rejected || isTombstone(reservation)) return 'give-back';
  // Never a second answer, and never a take that is not the reservation's own.
  return reservation.status === ReservationStatus.Releasing ? 'none' : 'forget';
}

/** The follow-up of an `order.cancelled` delivery that found (or just stored) `reservation`. */
export function afterOrderCancelled(reservation: ReservationState): StockFollowUp {
  if (reservation.status === ReservationStatus.Rejected || isTombstone(reservation)) return 'give-back';
  return reservation.status === ReservationStatus.Released ? 'forget' : 'release';
}
