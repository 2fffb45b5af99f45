import type { EventEnvelope } from '@bookstore/shared/contracts';
import { BOOK_CREATED, BOOK_DELETED, BOOK_UPDATED } from '@bookstore/shared/contracts';
import { createEnvelope } from '@bookstore/shared/messaging';
import { InjectOutbox, isDuplicateKey, OutboxCollection } from '@bookstore/shared/persistence';
import { Injectable } from '@nestjs/common';
import type { QueryFilter, SortOrder } from 'mongoose';
import { isValidObjectId, Types } from 'mongoose';

import { bookNotFound, concurrentUpdate, duplicateIsbn } from '../catalog.errors';
import { toBookSnapshot } from './book.mapper';
import type { NewBook } from './book.schema';
import { Book } from './book.schema';

/** Reads of an edit before it gives up: each lost race means the book changed meanwhile. */
const EDIT_ATTEMPTS = 5;
/** What an edit reads: the stock markers and the outbox are the service's own bookkeeping. */
const EDIT_PROJECTION = { stockOps: 0, outbox: 0 };
/** What reads leave out: the edit's leave-outs, and the admins' adjustment keys. */
const READ_PROJECTION = { ...EDIT_PROJECTION, adjustmentKeys: 0 };

/** A filter and sort for one list page. */
export interface BookListCriteria {
  filter: QueryFilter<Book>;
  sort: Record<string, SortOrder>;
  skip: number;
  limit: number;
}

/** The fields an admin's edit sets, computed from the book as read. */
export type BookChanges = Partial<
  Pick<
    Book,
    | 'title'
    | 'author'
    | 'isbn'
    | 'isbnKey'
    | 'description'
    | 'genres'
    | 'priceCents'
    | 'stock'
    | 'adjustmentKeys'
  >
>;

/**
 * The books collection: the Book aggregate's reads and admin writes (its stock moves are in
 * stock-ledger.ts). Every admin write stores the book and its `book.*` event in one operation
 * through the collection's outbox. Malformed ids read as "no such book", never as a driver error.
 */
@Injectable()
export class BooksRepository {
  constructor(@InjectOutbox(Book.name) private readonly books: OutboxCollection<Book>) {}

  /** True when the collection holds any book at all (deleted ones count). */
  async hasAny(): Promise<boolean> {
    return (await this.books.model.exists({}).exec()) !== null;
  }

  /** Inserts the book with `book.created`; null when its ISBN is taken (the unique `isbnKey`). */
  async create(book: NewBook): Promise<Book | null> {
    const id = new Types.ObjectId();
    const now = new Date();
    return this.books.insert({ _id: id, ...book, createdAt: now, updatedAt: now }, [
      createEnvelope(BOOK_CREATED, toBookSnapshot(id.toHexString(), book)),
    ]);
  }

  /**
   * Read-modify-write of a live book: `change` computes the new field values from the book as
   * read (or `undefined`: nothing to change), and they are stored with `book.updated` carrying the
   * resulting snapshot, conditional on the revision read. Every write to a book bumps its revision
   * (stock moves too), so the snapshot is exactly what was stored; a lost race reads again, and
   * after EDIT_ATTEMPTS it is CATALOG.CONCURRENT_UPDATE. `change` may throw a domain error, and
   * sees the book's `adjustmentKeys` (which reads leave out).
   */
  edit(id: string, change: (book: Book) => BookChanges | undefined): Promise<Book> {
    return this.rewrite(id, (book) => {
      const changes = change(book);
      if (!changes) return undefined;
      return {
        set: changes,
        event: createEnvelope(BOOK_UPDATED, toBookSnapshot(id, { ...book, ...changes })),
      };
    });
  }

  /** Soft-deletes a live book with `book.deleted`; its ISBN is free again (the key becomes a tombstone). */
  async softDelete(id: string): Promise<void> {
    await this.rewrite(id, () => ({
      set: { deletedAt: new Date(), isbnKey: `deleted:${id}` },
      event: createEnvelope(BOOK_DELETED, { bookId: id }),
    }));
  }

  findLive(id: string): Promise<Book | null> {
    if (!isValidObjectId(id)) return Promise.resolve(null);
    return this.books.model.findOne({ _id: id, deletedAt: null }, READ_PROJECTION).lean<Book>().exec();
  }

  findLiveByIds(ids: string[]): Promise<Book[]> {
    const valid = [...new Set(ids.filter((id) => isValidObjectId(id)))];
    if (!valid.length) return Promise.resolve([]);
    return this.books.model
      .find({ _id: { $in: valid }, deletedAt: null }, READ_PROJECTION)
      .lean<Book[]>()
      .exec();
  }

  async page(criteria: BookListCriteria): Promise<{ items: Book[]; total: number }> {
    const [items, total] = await Promise.all([
      this.books.model
        .find(criteria.filter, READ_PROJECTION)
        .sort(criteria.sort)
        .skip(criteria.skip)
        .limit(criteria.limit)
        .lean<Book[]>()
        .exec(),
      this.books.model.countDocuments(criteria.filter).exec(),
    ]);
    return { items, total };
  }

  private findForEdit(id: string): Promise<Book | null> {
    if (!isValidObjectId(id)) return Promise.resolve(null);
    return this.books.model.findOne({ _id: id, deletedAt: null }, EDIT_PROJECTION).lean<Book>().exec();
  }

  private async rewrite(
    id: string,
    plan: (book: Book) => { set: Partial<Book>; event: EventEnvelope } | undefined,
  ): Promise<Book> {
    for (let attempt = 1; attempt <= EDIT_ATTEMPTS; attempt++) {
      const current = await this.findForEdit(id);
      if (!current) throw bookNotFound(id);
      const write = plan(current);
      if (!write) return current;
      try {
        const written = await this.books.findOneAndUpdate(
          { _id: current._id, deletedAt: null, revision: current.revision },
          { $set: { ...write.set, updatedAt: new Date() }, $inc: { revision: 1 } },
          [write.event],
        );
        if (written) return written;
      } catch (error) {
        // isbnKey is the books' only unique key: the ISBN being set belongs to another book.
        if (isDuplicateKey(error)) throw duplicateIsbn(write.set.isbn ?? current.isbn);
        throw error;
      }
    }
    throw concurrentUpdate(id);
  }
}
