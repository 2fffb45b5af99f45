/**
 * Life of an order's stock reservation. PENDING and REJECTING/RELEASING are "in progress" states a
 * crashed worker can leave behind; the next delivery resumes from them.
 */
export enum ReservationStatus {
  /** Created first; lines are being taken from stock. */
  Pending = 'PENDING',
  /** Every line is held; `stock.reserved` was emitted. */
  Reserved = 'RESERVED',
  /** A line was short; the lines already taken are being given back. */
  Rejecting = 'REJECTING',
  /** Nothing is held; `stock.rejected` was emitted. */
  Rejected = 'REJECTED',
  /** The order was cancelled; its lines are going back to stock. */
  Releasing = 'RELEASING',
  /** What the order held is back in stock; `stock.released` was emitted. */
  Released = 'RELEASED',
}
