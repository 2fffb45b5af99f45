import type { LineAttempt, ReservationLine } from '@bookstore/catalog/domain';
import { DocumentLocks } from '@bookstore/shared/messaging';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';

import { Book } from '../books/book.schema';
import { bookLock } from '../catalog-locks';

/** The marker a book carries while `orderId` holds units of it (until the reservation is final). */
export const takenMarker = (orderId: string) => `r:${orderId}`;
/** The marker a book carries once `orderId`'s units went back (until the release is final). */
export const releasedMarker = (orderId: string) => `x:${orderId}`;

/**
 * Stock movements of reservations. Each one is a single conditional update of the book that
 * changes the stock AND records (or removes) the order's marker, so it happens at most once per
 * order and book however often it is retried, and the stock can never go below zero. Each runs
 * under the book's lock, which FerretDB needs for the condition to hold (see document-locks.ts).
 */
@Injectable()
export class StockLedger {
  /** Markers waiting to be dropped, per book (see forget). */
  private readonly toForget = new Map<string, Set<string>>();

  constructor(
    @InjectModel(Book.name) private readonly books: Model<Book>,
    private readonly locks: DocumentLocks,
  ) {}

  /** Takes `quantity` units for the order, or reports how many there are. */
  take(orderId: string, line: ReservationLine): Promise<LineAttempt> {
    const marker = takenMarker(orderId);
    return this.locks.run(bookLock(line.bookId), async () => {
      const taken = await this.books
        .updateOne(
          { _id: line.bookId, deletedAt: null, stock: { $gte: line.quantity }, stockOps: { $ne: marker } },
          {
            $inc: { stock: -line.quantity, revision: 1 },
            $set: { updatedAt: new Date() },
            $push: { stockOps: marker },
          },
        )
        .exec();
      if (taken.modifiedCount === 1) return { ...line, taken: true, available: 0 };
      const book = await this.books
        .findById(line.bookId, { stock: 1, stockOps: 1, deletedAt: 1 })
        .lean<Book>()
        .exec();
      // Taken by an earlier delivery of this order that did not get to record its decision.
      if (book?.stockOps?.includes(marker)) return { ...line, taken: true, available: 0 };
      return { ...line, taken: false, available: book && !book.deletedAt ? book.stock : 0 };
    });
  }

  /** How many units a book has on hand (0 when unknown or deleted); for reporting only. */
  async available(bookId: string): Promise<number> {
    const book = await this.books.findOne({ _id: bookId, deletedAt: null }, { stock: 1 }).lean<Book>().exec();
    return book?.stock ?? 0;
  }

  /** Undoes `take` (compensation): only if the order's units are still held. */
  async giveBack(orderId: string, line: ReservationLine): Promise<void> {
    const marker = takenMarker(orderId);
    await this.locks.run(bookLock(line.bookId), () =>
      this.books
        .updateOne(
          { _id: line.bookId, stockOps: marker },
          {
            $inc: { stock: line.quantity, revision: 1 },
            $set: { updatedAt: new Date() },
            $pull: { stockOps: marker },
          },
        )
        .exec(),
    );
  }

  /** Returns a reserved line to stock after a cancellation, once. */
  async putBack(orderId: string, line: ReservationLine): Promise<void> {
    const marker = releasedMarker(orderId);
    await this.locks.run(bookLock(line.bookId), () =>
      this.books
        .updateOne(
          { _id: line.bookId, stockOps: { $ne: marker } },
          {
            $inc: { stock: line.quantity, revision: 1 },
            $set: { updatedAt: new Date() },
            $push: { stockOps: marker },
          },
        )
        .exec(),
    );
  }

  /**
   * Drops the order's markers once its reservation reached a final state that no longer needs them.
   * Markers of orders finishing at the same time are dropped together: each caller queues its
   * markers and takes its turn on the book's lock, and the first turn pulls every queued marker in
   * one update, so the later turns find nothing left to do (on a busy book most do). It resolves
   * once this order's markers are gone.
   */
  async forget(lines: readonly ReservationLine[], markers: string[]): Promise<void> {
    await Promise.all(lines.map((line) => this.forgetOnBook(line.bookId, markers)));
  }

  private forgetOnBook(bookId: string, markers: string[]): Promise<void> {
    const queued = this.toForget.get(bookId) ?? new Set<string>();
    for (const marker of markers) queued.add(marker);
    this.toForget.set(bookId, queued);
    return this.locks.run(bookLock(bookId), async () => {
      const batch = this.toForget.get(bookId);
      if (!batch?.size) return;
      this.toForget.delete(bookId);
      const all = [...batch];
      try {
        await this.books
          .updateOne({ _id: bookId, stockOps: { $in: all } }, { $pullAll: { stockOps: all } })
          .exec();
      } catch (error) {
        // Back in the queue: the turns still waiting (or the next forget) try them again.
        const again = this.toForget.get(bookId) ?? new Set<string>();
        for (const marker of all) again.add(marker);
        this.toForget.set(bookId, again);
        throw error;
      }
    });
  }
}
