import {
  afterOrderCancelled,
  afterOrderCreated,
  decideReservation,
  isTombstone,
} from './reservation-decisions';
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

  it('undoes the takes of an order whose reservation holds nothing, and only those', () => {
    const lines = [{ bookId: A, quantity: 1 }];
    const reserved = { status: ReservationStatus.Reserved, lines };
    const rejected = { status: ReservationStatus.Rejected, lines };
    const tombstone = { status: ReservationStatus.Released, lines: [] };
    const released = { status: ReservationStatus.Released, lines };
    const releasing = { status: ReservationStatus.Releasing, lines };
    expect(isTombstone(tombstone)).toBe(true);
    expect(isTombstone(released)).toBe(false);

    expect(afterOrderCreated(rejected)).toBe('give-back');
    expect(afterOrderCreated(tombstone)).toBe('give-back');
    expect(afterOrderCreated(reserved)).toBe('forget');
    expect(afterOrderCreated(released)).toBe('forget');
    expect(afterOrderCreated(releasing)).toBe('none');
  });

  it('releases what a reservation holds, once, and gives back what a cancelled order took unseen', () => {
    const lines = [{ bookId: A, quantity: 1 }];
    expect(afterOrderCancelled({ status: ReservationStatus.Reserved, lines })).toBe('release');
    expect(afterOrderCancelled({ status: ReservationStatus.Releasing, lines })).toBe('release');
    expect(afterOrderCancelled({ status: ReservationStatus.Released, lines })).toBe('forget');
    expect(afterOrderCancelled({ status: ReservationStatus.Released, lines: [] })).toBe('give-back');
    expect(afterOrderCancelled({ status: ReservationStatus.Rejected, lines })).toBe('give-back');
  });
});
