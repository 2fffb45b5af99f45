import { ReservationStatus } from '@bookstore/catalog/domain';
import type { OutboxEntry } from '@bookstore/shared/persistence';
import { OutboxEntrySchema } from '@bookstore/shared/persistence';
import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

@Schema({ _id: false, versionKey: false })
export class ReservedLine {
  @Prop({ required: true })
  bookId!: string;

  @Prop({ required: true, min: 1 })
  quantity!: number;
}

@Schema({ _id: false, versionKey: false })
export class ShortLineRecord {
  @Prop({ required: true })
  bookId!: string;

  @Prop({ required: true })
  requested!: number;

  @Prop({ required: true })
  available!: number;
}

/**
 * The catalog's side of one order: the decision about its stock and the `stock.*` events it
 * produced (outbox). `_id` is the order id, so of concurrent deliveries exactly one insert wins:
 * one answer per order. It is inserted already decided (or as a RELEASED tombstone when the
 * cancellation came first) and only ever moves by conditional transitions RESERVED -> RELEASING
 * -> RELEASED (reservation.repository.ts).
 */
@Schema({ collection: 'stock_reservations', versionKey: false, timestamps: true })
export class StockReservation {
  @Prop({ type: String, required: true })
  _id!: string;

  @Prop({ type: String, required: true, enum: Object.values(ReservationStatus) })
  status!: ReservationStatus;

  @Prop({ type: [SchemaFactory.createForClass(ReservedLine)], default: [] })
  lines!: ReservedLine[];

  @Prop({ type: [SchemaFactory.createForClass(ShortLineRecord)], default: [] })
  shortLines!: ShortLineRecord[];

  @Prop({ type: String, default: null })
  reason!: string | null;

  @Prop({ type: [OutboxEntrySchema], default: [] })
  outbox!: OutboxEntry[];

  createdAt!: Date;
  updatedAt!: Date;
}

export const StockReservationSchema = SchemaFactory.createForClass(StockReservation);
