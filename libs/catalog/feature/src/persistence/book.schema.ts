import type { OutboxEntry } from '@bookstore/shared/persistence';
import { OutboxEntrySchema } from '@bookstore/shared/persistence';
import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { HydratedDocument, Types } from 'mongoose';

/**
 * An admin's `Idempotency-Key` of a stock adjustment on this book: its id
 * (`stockAdjustmentKeyId`), the delta it is bound to and when it is free again.
 */
@Schema({ _id: false, versionKey: false })
export class StockAdjustmentKey {
  @Prop({ required: true })
  id!: string;

  @Prop({ required: true })
  delta!: number;

  @Prop({ required: true })
  expiresAt!: Date;
}

/**
 * A book. Deletion is soft (`deletedAt`) so `book.deleted` travels through the outbox and old
 * orders keep their references. `isbnKey` carries the unique index: the normalised ISBN while the
 * book is live, a per-book tombstone once deleted (a plain unique index: it predates partial indexes on the local server).
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

  /**
   * Bumped by every write that changes the book (edits and stock moves alike), so an admin's
   * read-modify-write can be conditional on it: the `book.*` snapshot it stores is the state it
   * wrote (books.repository.ts, `edit`). It guards the snapshots, not the stock.
   */
  @Prop({ default: 0 })
  revision!: number;

  /**
   * Markers of the stock moves of orders (`r:<orderId>` taken, `x:<orderId>` put back), each set
   * or removed in the same update as the move, so a move happens at most once per order and book
   * (stock-ledger.ts).
   */
  @Prop({ type: [String], default: [] })
  stockOps!: string[];

  /**
   * Bumped by every removal of markers that are no longer needed ("forget"); a move that sets a
   * marker is conditional on the value read before its reservation was read (stock-ledger.ts).
   */
  @Prop({ default: 0 })
  stockOpsEpoch!: number;

  /**
   * The Idempotency-Keys of admins' stock adjustments, each stored in the same revision-conditional
   * update as the adjustment it names, so an adjustment under a key happens at most once
   * (adjust-stock.handler.ts says why they live here). Expired entries are dropped by the next
   * keyed adjustment.
   */
  @Prop({ type: [SchemaFactory.createForClass(StockAdjustmentKey)], default: [] })
  adjustmentKeys!: StockAdjustmentKey[];

  @Prop({ type: [OutboxEntrySchema], default: [] })
  outbox!: OutboxEntry[];

  @Prop({ required: true })
  createdAt!: Date;

  @Prop({ required: true })
  updatedAt!: Date;
}

export type BookDocument = HydratedDocument<Book>;

/** The fields of a new book as the repository inserts it. */
export type NewBook = Pick<
  Book,
  'title' | 'author' | 'isbn' | 'isbnKey' | 'description' | 'genres' | 'priceCents' | 'stock'
>;

export const BookSchema = SchemaFactory.createForClass(Book);
BookSchema.index({ isbnKey: 1 }, { unique: true });
// The list filters and sorts: live books by each sort key, with _id as the stable tie-breaker.
BookSchema.index({ deletedAt: 1, title: 1, _id: 1 });
BookSchema.index({ deletedAt: 1, priceCents: 1, _id: 1 });
BookSchema.index({ deletedAt: 1, createdAt: 1, _id: 1 });
BookSchema.index({ genres: 1 });
BookSchema.index({ author: 1 });
