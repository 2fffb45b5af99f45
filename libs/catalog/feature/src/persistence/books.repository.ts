import type { EventEnvelope } from '@bookstore/shared/contracts';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { QueryFilter, SortOrder, UpdateQuery } from 'mongoose';
import { isValidObjectId, Model, Types } from 'mongoose';

import { Book } from './book.schema';

const DUPLICATE_KEY = 11000;

/** A filter and sort for one list page. */
export interface BookListCriteria {
  filter: QueryFilter<Book>;
  sort: Record<string, SortOrder>;
  skip: number;
  limit: number;
}

export type NewBook = Pick<
  Book,
  'title' | 'author' | 'isbn' | 'isbnKey' | 'description' | 'genres' | 'priceCents' | 'stock'
>;

/** The books collection. Malformed ids read as "no such book", never as a driver error. */
@Injectable()
export class BooksRepository {
  constructor(@InjectModel(Book.name) private readonly books: Model<Book>) {}

  newId(): Types.ObjectId {
    return new Types.ObjectId();
  }

  /** True when the collection holds no book at all (deleted ones count). */
  async isEmpty(): Promise<boolean> {
    return (await this.books.estimatedDocumentCount().exec()) === 0;
  }

  /** Inserts the book with its first outbox entry; `false` when the ISBN is taken. */
  async insert(id: Types.ObjectId, book: NewBook, event: EventEnvelope): Promise<Book | false> {
    try {
      const now = new Date();
      const created = await this.books.create({
        _id: id,
        ...book,
        createdAt: now,
        updatedAt: now,
        outbox: [event],
      });
      return created.toObject();
    } catch (error) {
      if (isDuplicateKey(error)) return false;
      throw error;
    }
  }

  findLive(id: string): Promise<Book | null> {
    if (!isValidObjectId(id)) return Promise.resolve(null);
    return this.books.findOne({ _id: id, deletedAt: null }).lean<Book>().exec();
  }

  findLiveByIds(ids: string[]): Promise<Book[]> {
    const valid = [...new Set(ids.filter((id) => isValidObjectId(id)))];
    if (!valid.length) return Promise.resolve([]);
    return this.books
      .find({ _id: { $in: valid }, deletedAt: null })
      .lean<Book[]>()
      .exec();
  }

  async page(criteria: BookListCriteria): Promise<{ items: Book[]; total: number }> {
    const [items, total] = await Promise.all([
      this.books
        .find(criteria.filter, { stockOps: 0, outbox: 0 })
        .sort(criteria.sort)
        .skip(criteria.skip)
        .limit(criteria.limit)
        .lean<Book[]>()
        .exec(),
      this.books.countDocuments(criteria.filter).exec(),
    ]);
    return { items, total };
  }

  /**
   * Applies `update` to a live book only if nobody wrote it since `revision` was read, together
   * with its outbox entry. `null` when the book changed meanwhile (or is gone); `false` on a
   * duplicate ISBN.
   */
  async updateAtRevision(
    id: Types.ObjectId,
    revision: number,
    update: UpdateQuery<Book>,
    event: EventEnvelope,
  ): Promise<Book | null | false> {
    try {
      return await this.books
        .findOneAndUpdate(
          { _id: id, deletedAt: null, revision },
          {
            ...update,
            $set: { ...(update.$set ?? {}), updatedAt: new Date() },
            $inc: { ...(update.$inc ?? {}), revision: 1 },
            $push: { outbox: event },
          },
          { returnDocument: 'after' },
        )
        .lean<Book>()
        .exec();
    } catch (error) {
      if (isDuplicateKey(error)) return false;
      throw error;
    }
  }
}

function isDuplicateKey(error: unknown): boolean {
  return (error as { code?: number }).code === DUPLICATE_KEY;
}
