import { OrderStatus } from '@bookstore/shared/contracts';
import type { OutboxEntry } from '@bookstore/shared/persistence';
import { OutboxEntrySchema } from '@bookstore/shared/persistence';
import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/** One line, with the title and price captured when the order was placed. */
@Schema({ _id: false, versionKey: false })
export class OrderLine {
  @Prop({ required: true })
  bookId!: string;

  @Prop({ required: true })
  title!: string;

  @Prop({ required: true })
  quantity!: number;

  @Prop({ required: true })
  unitPriceCents!: number;
}

/** One entry of the status history. */
@Schema({ _id: false, versionKey: false })
export class StatusChange {
  @Prop({ required: true, type: String, enum: Object.values(OrderStatus) })
  status!: OrderStatus;

  @Prop({ required: true })
  at!: Date;

  @Prop()
  reason?: string;
}

/**
 * An order and the events it still has to publish. Its `_id` is chosen before the insert, so a
 * repeated Idempotency-Key names the same order and its uniqueness lets one insert win
 * (idempotency-key.repository.ts).
 */
@Schema({ collection: 'orders', versionKey: false, timestamps: true })
export class Order {
  @Prop({ required: true, index: true })
  userId!: string;

  @Prop({ required: true, type: String, enum: Object.values(OrderStatus) })
  status!: OrderStatus;

  @Prop({ type: [SchemaFactory.createForClass(OrderLine)], required: true })
  items!: OrderLine[];

  @Prop({ required: true })
  totalCents!: number;

  @Prop()
  reason?: string;

  @Prop({ type: [SchemaFactory.createForClass(StatusChange)], default: [] })
  statusHistory!: StatusChange[];

  @Prop({ type: [OutboxEntrySchema], default: [] })
  outbox!: OutboxEntry[];

  createdAt!: Date;
  updatedAt!: Date;
}

export const OrderSchema = SchemaFactory.createForClass(Order);
OrderSchema.index({ createdAt: -1 });
OrderSchema.index({ status: 1, createdAt: -1 });
