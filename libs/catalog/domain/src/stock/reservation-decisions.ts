import type { LineAttempt, ShortLine } from './reservation-line';
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

/** What an `order.created` delivery must do, given the reservation it found (or created). */
export type ReserveStep = 'take-lines' | 'finish-rejection' | 'tidy-up';

export function reserveStep(status: ReservationStatus): ReserveStep {
  switch (status) {
    case ReservationStatus.Pending:
      return 'take-lines';
    case ReservationStatus.Rejecting:
      return 'finish-rejection';
    default:
      // Already decided (or cancelled before it arrived): never a second answer.
      return 'tidy-up';
  }
}

/** What an `order.cancelled` delivery must do, given the order's reservation. */
export type ReleaseStep = 'release' | 'abort' | 'tidy-up';

export function releaseStep(status: ReservationStatus): ReleaseStep {
  switch (status) {
    case ReservationStatus.Reserved:
    case ReservationStatus.Releasing:
      return 'release';
    case ReservationStatus.Pending:
    case ReservationStatus.Rejecting:
      // A reservation left half-done by a crash: give back what it took, hold nothing.
      return 'abort';
    default:
      return 'tidy-up';
  }
}
