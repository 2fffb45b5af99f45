import type { ShortLine } from '@bookstore/catalog/domain';
import { ReservationStatus } from '@bookstore/catalog/domain';
import type { EventEnvelope } from '@bookstore/shared/contracts';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';

import { StockReservation } from './stock-reservation.schema';

const DUPLICATE_KEY = 11000;

/**
 * The stock_reservations collection: created first (unique `_id` = order id), then moved through
 * conditional status transitions. Callers hold the reservation's lock (DocumentLocks).
 */
@Injectable()
export class ReservationStore {
  constructor(@InjectModel(StockReservation.name) private readonly reservations: Model<StockReservation>) {}

  /** The order's reservation, created with `initial` (and its outbox) when there is none yet. */
  async findOrCreate(
    orderId: string,
    initial: Pick<StockReservation, 'status' | 'lines'>,
    outbox: EventEnvelope[] = [],
  ): Promise<{ reservation: StockReservation; created: boolean }> {
    const existing = await this.find(orderId);
    if (existing) return { reservation: existing, created: false };
    try {
      const created = await this.reservations.create({ _id: orderId, ...initial, outbox });
      return { reservation: created.toObject(), created: true };
    } catch (error) {
      if ((error as { code?: number }).code !== DUPLICATE_KEY) throw error;
      const raced = await this.find(orderId);
      if (!raced) throw error;
      return { reservation: raced, created: false };
    }
  }

  /** Moves the reservation from one of `from` to `to`, with its outbox event in the same write. */
  async transition(
    reservation: StockReservation,
    from: ReservationStatus[],
    to: ReservationStatus,
    fields: { shortLines?: ShortLine[]; reason?: string } = {},
    event?: EventEnvelope,
  ): Promise<boolean> {
    const result = await this.reservations
      .updateOne(
        { _id: reservation._id, status: { $in: from } },
        { $set: { status: to, ...fields }, ...(event && { $push: { outbox: event } }) },
      )
      .exec();
    if (result.modifiedCount === 1) {
      reservation.status = to;
      Object.assign(reservation, fields);
    }
    return result.modifiedCount === 1;
  }

  find(orderId: string): Promise<StockReservation | null> {
    return this.reservations.findById(orderId).lean<StockReservation>().exec();
  }
}
