import { decideReservation, releaseStep, reserveStep } from './reservation-decisions';
import { mergeLines } from './reservation-line';
import { ReservationStatus } from './reservation-status';

const A = '65a000000000000000000001';
const B = '65a000000000000000000002';

describe('reservation decisions', () => {
  it('reserves only when every line was taken', () => {
    expect(
      decideReservation([
        { bookId: A, quantity: 2, taken: true, available: 0 },
        { bookId: B, quantity: 1, taken: true, available: 0 },
      ]),
    ).toEqual({ status: ReservationStatus.Reserved });
  });

  it('rejects with the short lines and a reason when any line is short', () => {
    const outcome = decideReservation([
      { bookId: A, quantity: 2, taken: true, available: 0 },
      { bookId: B, quantity: 5, taken: false, available: 3 },
    ]);
    expect(outcome).toEqual({
      status: ReservationStatus.Rejected,
      shortLines: [{ bookId: B, requested: 5, available: 3 }],
      reason: expect.stringContaining(`${B} (requested 5, available 3)`),
    });
  });

  it('never reserves an order without lines', () => {
    expect(decideReservation([]).status).toBe(ReservationStatus.Rejected);
  });

  it('merges lines of the same book and orders them stably', () => {
    expect(
      mergeLines([
        { bookId: B, quantity: 1 },
        { bookId: A, quantity: 2 },
        { bookId: B, quantity: 3 },
      ]),
    ).toEqual([
      { bookId: A, quantity: 2 },
      { bookId: B, quantity: 4 },
    ]);
  });

  it('resumes a pending reservation, finishes a rejection, and leaves decided ones alone', () => {
    expect(reserveStep(ReservationStatus.Pending)).toBe('take-lines');
    expect(reserveStep(ReservationStatus.Rejecting)).toBe('finish-rejection');
    for (const status of [
      ReservationStatus.Reserved,
      ReservationStatus.Rejected,
      ReservationStatus.Releasing,
      ReservationStatus.Released,
    ]) {
      expect(reserveStep(status)).toBe('tidy-up');
    }
  });

  it('releases only what was reserved, aborts half-done reservations, and releases once', () => {
    expect(releaseStep(ReservationStatus.Reserved)).toBe('release');
    expect(releaseStep(ReservationStatus.Releasing)).toBe('release');
    expect(releaseStep(ReservationStatus.Pending)).toBe('abort');
    expect(releaseStep(ReservationStatus.Rejecting)).toBe('abort');
    expect(releaseStep(ReservationStatus.Rejected)).toBe('tidy-up');
    expect(releaseStep(ReservationStatus.Released)).toBe('tidy-up');
  });
});
