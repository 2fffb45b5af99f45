import type { OutboxEntry } from '@bookstore/shared/messaging';
import { OutboxEntrySchema } from '@bookstore/shared/messaging';
import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { HydratedDocument, Types } from 'mongoose';

/**
 * A book. Deletion is soft (`deletedAt`) so `book.deleted` travels through the outbox and old
 * orders keep their references. `isbnKey` carries the unique index: the normalised ISBN while the
 * book is live, a per-book tombstone once deleted (FerretDB has no partial indexes).
 */
// Timestamps are set by our own writes: the outbox relay's pops must not look like edits.
@Schema({ collection: 'books', versionKey: false })
export class Book {
  _id!: Types.ObjectId;

  @Prop({ required: true })
  title!: string;

  @Prop({ required: true })
  author!: string;

  /** ISBN-13, digits only. */
  @Prop({ required: true })
  isbn!: string;

  @Prop({ required: true })
  isbnKey!: string;

  @Prop({ default: '' })
  description!: string;

  @Prop({ type: [String], default: [] })
  genres!: string[];

  @Prop({ required: true, min: 0 })
  priceCents!: number;

  @Prop({ required: true, min: 0 })
  stock!: number;

  @Prop({ type: Date, default: null })
  deletedAt!: Date | null;

  /** Bumped by every write, so a read-modify-write (PATCH, admin stock change) can detect a race. */
  @Prop({ default: 0 })
  revision!: number;

  /**
   * Markers of the reservation steps applied to this book (`r:<orderId>` taken, `x:<orderId>`
   * released), set in the same atomic update as the stock change so a redelivery never applies a
   * step twice. Removed once the reservation is final (see reserve-stock.handler.ts).
   */
  @Prop({ type: [String], default: [] })
  stockOps!: string[];

  @Prop({ type: [OutboxEntrySchema], default: [] })
  outbox!: OutboxEntry[];

  @Prop({ required: true })
  createdAt!: Date;

  @Prop({ required: true })
  updatedAt!: Date;
}

export type BookDocument = HydratedDocument<Book>;

export const BookSchema = SchemaFactory.createForClass(Book);
BookSchema.index({ isbnKey: 1 }, { unique: true });
// The list filters and sorts: live books by each sort key, with _id as the stable tie-breaker.
BookSchema.index({ deletedAt: 1, title: 1, _id: 1 });
BookSchema.index({ deletedAt: 1, priceCents: 1, _id: 1 });
BookSchema.index({ deletedAt: 1, createdAt: 1, _id: 1 });
BookSchema.index({ genres: 1 });
BookSchema.index({ author: 1 });
