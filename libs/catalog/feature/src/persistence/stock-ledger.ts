import type { ReservationLine } from '@bookstore/catalog/domain';
import type { OnModuleDestroy } from '@nestjs/common';
import { Injectable, Logger } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';

import { Book } from './book.schema';
import { KeyedBatcher } from './keyed-batcher';

/** The marker a book carries while `orderId` holds units of it. */
export const takenMarker = (orderId: string) => `r:${orderId}`;
/** The marker a book carries once `orderId`'s reserved units went back. */
export const releasedMarker = (orderId: string) => `x:${orderId}`;

/**
 * A book's fence: its `stockOpsEpoch` (null while the field was never written). A step that sets
 * a marker is conditional on the fence read BEFORE the order's reservation was read.
 */
export type Fence = number | null;

/** What the stock steps need of a book, read before the reservation is read. */
export interface StockView {
  stock: number;
  live: boolean;
  fence: Fence;
}

export type TakeResult =
  /** Taken now, or `held`: already taken by another delivery of the order. */
  | { outcome: 'taken' | 'held' }
  | { outcome: 'short'; available: number }
  /** The reservation no longer calls for the take (it was stored meanwhile). */
  | { outcome: 'moot' };

/**
 * Asked when a fence moved, after the book was read again: reads the reservation and says whether
 * it still calls for the move (then it is tried again with the new fence).
 */
export type StillNeeded = () => Promise<boolean>;

/** How long finished orders' markers wait to be pulled together (see `forgetting`). */
const FORGET_LINGER_MS = 1000;

/** Fence moves a move survives before it fails (the delivery is then retried by the broker). */
const MAX_FENCE_MOVES = 8;

type Attempt<T> = { done: T } | { fence: Fence };

/**
 * The Book aggregate's stock moves for orders (a part of the books repository, kept apart for
 * size). No lock: each guard is in the one conditional update of the book that makes the move.
 *
 * - Never below zero, never oversold: a take is `{_id, deletedAt: null, stock >= q, no r:<order>}`
 *   -> `$inc stock -q`; the server applies it atomically.
 * - At most once per order and book: the move sets or removes the order's marker in that same
 *   update (take sets `r:`, give-back removes it, put-back sets `x:`), so a retry, a duplicate
 *   running alongside or a redelivery after a crash finds the marker and changes nothing.
 * - Markers are forgotten once the reservation is stored in a state that no longer needs them, so
 *   books do not grow. Forgetting bumps the book's `stockOpsEpoch`, and a step that SETS a marker
 *   is also conditional on the epoch it read before it read the reservation: a delivery that saw no
 *   reservation (or a release under way) and then stalled cannot take (or put back) a second time
 *   after the markers of the finished one were forgotten; it reads the reservation again instead.
 *   Giving back needs no fence: it runs only once the stored reservation holds nothing, so any
 *   take of the order it finds is one to undo.
 * The revision (books.repository.ts) is bumped by every move too, but it guards the admins'
 * snapshots, not the stock; forgetting changes nothing a snapshot shows and leaves it alone.
 */
@Injectable()
export class StockLedger implements OnModuleDestroy {
  private readonly logger = new Logger(StockLedger.name);
  /**
   * Markers to pull, coalesced per book and pulled at most once per FORGET_LINGER_MS: each pull
   * moves the book's fence, which sends the takes of that book in flight back to re-read, so on a
   * hot book a pull per finished order would keep most takes re-reading.
   */
  private readonly forgetting = new KeyedBatcher<string>(
    (bookId, markers) => this.pull(bookId, markers),
    FORGET_LINGER_MS,
  );

  constructor(@InjectModel(Book.name) private readonly books: Model<Book>) {}

  /** The stock and fence of each line's book, in one read. */
  async view(lines: readonly ReservationLine[]): Promise<Map<string, StockView>> {
    const found = await this.books
      .find({ _id: { $in: lines.map((line) => line.bookId) } }, { stock: 1, deletedAt: 1, stockOpsEpoch: 1 })
      .lean<Book[]>()
      .exec();
    return new Map(found.map((book) => [book._id.toHexString(), toView(book)]));
  }

  /** Takes `quantity` units for the order, at most once, never below zero. */
  take(orderId: string, line: ReservationLine, fence: Fence, stillNeeded: StillNeeded): Promise<TakeResult> {
    return this.fenced(fence, stillNeeded, { outcome: 'moot' }, (current) =>
      this.tryTake(orderId, line, current),
    );
  }

  /** Undoes the order's takes of `lines`, each only if still held: a compensation, idempotent. */
  async giveBack(orderId: string, lines: readonly ReservationLine[]): Promise<void> {
    const marker = takenMarker(orderId);
    await Promise.all(
      lines.map((line) =>
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
      ),
    );
  }

  /** Returns a reserved line of a cancelled order to stock, once; false when no longer needed. */
  putBack(orderId: string, line: ReservationLine, fence: Fence, stillNeeded: StillNeeded): Promise<boolean> {
    return this.fenced(fence, stillNeeded, false, (current) => this.tryPutBack(orderId, line, current));
  }

  /**
   * Drops markers no longer needed from the lines' books. Markers of orders finishing together on
   * one book go out in one update (`KeyedBatcher`); this resolves once the given ones are gone.
   */
  async forget(lines: readonly ReservationLine[], markers: readonly string[]): Promise<void> {
    const books = [...new Set(lines.map((line) => line.bookId))];
    await Promise.all(books.map((bookId) => this.forgetting.add(bookId, markers)));
  }

  /**
   * `forget` without waiting for it: the handlers' effect (the stock and the stored decision) is
   * complete without it, and nothing depends on a marker being gone, so a delivery is acked
   * without waiting up to FORGET_LINGER_MS. A pull that fails is logged; its markers stay (a later
   * delivery of the order forgets them again; a crash before the pull leaves them as harmless
   * leftovers: a marker only ever stops a move of ITS order).
   */
  forgetSoon(lines: readonly ReservationLine[], markers: readonly string[]): void {
    this.forget(lines, markers).catch((error: unknown) =>
      this.logger.warn({ msg: 'stock markers not forgotten; they stay', markers, error: String(error) }),
    );
  }

  /** Pulls every marker waiting to be forgotten now; resolves once the pulls are done. */
  settle(): Promise<void> {
    return this.forgetting.settle();
  }

  /** A graceful stop pulls what is waiting (before the MongoDB connection closes). */
  onModuleDestroy(): Promise<void> {
    return this.settle();
  }

  /** Runs a marker-setting step, again with the new fence while the reservation still needs it. */
  private async fenced<T>(
    fence: Fence,
    stillNeeded: StillNeeded,
    moot: T,
    step: (fence: Fence) => Promise<Attempt<T>>,
  ): Promise<T> {
    for (let moves = 0; ; moves++) {
      const attempt = await step(fence);
      if ('done' in attempt) return attempt.done;
      if (moves >= MAX_FENCE_MOVES) throw new Error('stock markers kept being forgotten under this move');
      // Read after the book (and so after its fence): a forget since then moves the fence again.
      if (!(await stillNeeded())) return moot;
      fence = attempt.fence;
    }
  }

  private async tryTake(orderId: string, line: ReservationLine, fence: Fence): Promise<Attempt<TakeResult>> {
    const marker = takenMarker(orderId);
    const { modifiedCount } = await this.books
      .updateOne(
        {
          _id: line.bookId,
          deletedAt: null,
          stock: { $gte: line.quantity },
          stockOps: { $ne: marker },
          stockOpsEpoch: fence,
        },
        {
          $inc: { stock: -line.quantity, revision: 1 },
          $set: { updatedAt: new Date() },
          $push: { stockOps: marker },
        },
      )
      .exec();
    if (modifiedCount === 1) return { done: { outcome: 'taken' } };
    const book = await this.books
      .findById(line.bookId, { stock: 1, deletedAt: 1, stockOps: 1, stockOpsEpoch: 1 })
      .lean<Book>()
      .exec();
    // Taken by another delivery of this order (running alongside, or one that crashed).
    if (book?.stockOps?.includes(marker)) return { done: { outcome: 'held' } };
    if (!book || book.deletedAt) return { done: { outcome: 'short', available: 0 } };
    if (book.stock < line.quantity) return { done: { outcome: 'short', available: book.stock } };
    // The fence moved (or the stock rose since the update): look at the reservation again.
    return { fence: toView(book).fence };
  }

  private async tryPutBack(orderId: string, line: ReservationLine, fence: Fence): Promise<Attempt<boolean>> {
    const marker = releasedMarker(orderId);
    const { modifiedCount } = await this.books
      .updateOne(
        { _id: line.bookId, stockOps: { $ne: marker }, stockOpsEpoch: fence },
        {
          $inc: { stock: line.quantity, revision: 1 },
          $set: { updatedAt: new Date() },
          $push: { stockOps: marker },
        },
      )
      .exec();
    if (modifiedCount === 1) return { done: true };
    const book = await this.books
      .findById(line.bookId, { stockOps: 1, stockOpsEpoch: 1 })
      .lean<Book>()
      .exec();
    if (!book || book.stockOps?.includes(marker)) return { done: true };
    return { fence: toView(book).fence };
  }

  private async pull(bookId: string, markers: string[]): Promise<void> {
    const all = [...new Set(markers)];
    await this.books
      .updateOne(
        { _id: bookId, stockOps: { $in: all } },
        { $pullAll: { stockOps: all }, $inc: { stockOpsEpoch: 1 } },
      )
      .exec();
  }
}

function toView(book: Book): StockView {
  return { stock: book.stock, live: !book.deletedAt, fence: book.stockOpsEpoch ?? null };
}
