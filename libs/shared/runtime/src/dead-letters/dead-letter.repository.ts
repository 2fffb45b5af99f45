import { randomUUID } from 'node:crypto';

import type { ParkedMessage } from '@bookstore/shared/messaging';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';

import { DeadLetter } from './dead-letter.schema';

/** A stored parking of a message, as the dead-letter requests see it. */
export type StoredDeadLetter = ParkedMessage & { parkId: string };

/** The service's `dead_letters` collection; every write is one single-document operation. */
@Injectable()
export class DeadLetterRepository {
  constructor(@InjectModel(DeadLetter.name) private readonly letters: Model<DeadLetter>) {}

  /** Stores (or replaces) the parking of a message under its stable id: idempotent. */
  async park(parked: ParkedMessage): Promise<void> {
    const { id, headers, ...fields } = parked;
    await this.letters
      .replaceOne(
        { _id: id },
        { ...fields, parkId: randomUUID(), headers: JSON.stringify(headers) },
        { upsert: true },
      )
      .exec();
  }

  /** Newest first; `queue` filters. */
  async list(queue: string | undefined, skip: number, limit: number) {
    const filter = queue ? { queue } : {};
    const [docs, total] = await Promise.all([
      this.letters
        .find(filter)
        .sort({ parkedAt: -1, _id: -1 })
        .skip(skip)
        .limit(limit)
        .lean<DeadLetter[]>()
        .exec(),
      this.letters.countDocuments(filter).exec(),
    ]);
    return { items: docs.map(toStored), total };
  }

  /** How many messages `queue` parked (the `bookstore_dead_letters` gauge), through its index. */
  count(queue: string): Promise<number> {
    return this.letters.countDocuments({ queue }).exec();
  }

  async get(id: string): Promise<StoredDeadLetter | null> {
    const doc = await this.letters.findById(id).lean<DeadLetter>().exec();
    return doc ? toStored(doc) : null;
  }

  /**
   * Deletes one parking. With `parkId`, only that parking: a replayed message that failed again
   * and was parked anew meanwhile keeps its new record.
   */
  async remove(id: string, parkId?: string): Promise<boolean> {
    const result = await this.letters.deleteOne(parkId ? { _id: id, parkId } : { _id: id }).exec();
    return result.deletedCount === 1;
  }
}

function toStored(doc: DeadLetter): StoredDeadLetter {
  return {
    id: doc._id,
    parkId: doc.parkId,
    queue: doc.queue,
    type: doc.type,
    attempts: doc.attempts,
    lastError: doc.lastError,
    correlationId: doc.correlationId,
    parkedAt: doc.parkedAt,
    content: toBuffer(doc.content),
    headers: JSON.parse(doc.headers) as Record<string, unknown>,
    messageId: doc.messageId,
    contentType: doc.contentType,
  };
}

/** A lean read returns BSON Binary, not a Buffer. */
function toBuffer(value: unknown): Buffer {
  if (Buffer.isBuffer(value)) return value;
  const binary = value as { buffer?: Uint8Array };
  return Buffer.from(binary.buffer ?? new Uint8Array());
}
