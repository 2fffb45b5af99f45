/**
 * Life of an order's stock reservation. It is stored already decided (RESERVED or REJECTED), or
 * as a RELEASED tombstone when the cancellation arrived first; RELEASING is the one "in progress"
 * state a crashed worker can leave behind, and the next delivery of the cancellation resumes it.
 */
export enum ReservationStatus {
  /** Every line is held; `stock.reserved` was emitted. */
  Reserved = 'RESERVED',
  /** A line was short; nothing is held; `stock.rejected` was emitted. */
  Rejected = 'REJECTED',
  /** The order was cancelled; its lines are going back to stock. */
  Releasing = 'RELEASING',
  /** Nothing is held (any more); `stock.released` was emitted. */
  Released = 'RELEASED',
}
