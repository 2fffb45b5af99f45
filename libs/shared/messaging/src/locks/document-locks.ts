import { randomUUID } from 'node:crypto';

import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';

import { DocumentLock } from './document-lock.schema';

const DUPLICATE_KEY = 11000;
/** A crashed holder's lock is taken over after this. Every locked section takes milliseconds. */
const LOCK_TTL_MS = 10_000;
const WAIT_MS = LOCK_TTL_MS + 10_000;
/**
 * How long one instance keeps a lock by handing it from one queued caller to the next. Sections
 * start within this window and take milliseconds, so each ends long before LOCK_TTL_MS.
 */
const HAND_OVER_MS = 2000;

interface HeldLock {
  owner: string;
  /** When the lock document was inserted (Date.now()). */
  since: number;
}

/**
 * Mutual exclusion per document, across instances. Why: the MongoDB-compatible server here
 * (FerretDB 1.24 on SQLite) does NOT apply conditional updates atomically: concurrent
 * `updateOne({ _id, stock: { $gte: 1 } }, { $inc: { stock: -1 } })` calls all "match" and lose
 * each other's writes (measured: 100 decrements of a stock of 10 all succeeded). A unique-index
 * insert, however, is atomic, so a lock is a document whose `_id` is the key. Within one process
 * callers queue per key first, so they do not spin on the database, and a queued caller takes the
 * lock over from the one before it instead of deleting and inserting it again (see passOn).
 *
 * Every writer of a document that carries an outbox goes through here, the outbox relay too (see
 * locked-outbox-model.ts); the conditional updates inside stay, so the code is also right on MongoDB.
 * A service registers `DocumentLock` with `DocumentLockSchema` in its Mongoose models.
 */
@Injectable()
export class DocumentLocks {
  private readonly tails = new Map<string, Promise<void>>();
  /** Callers of `run` per key that have not started their section yet. */
  private readonly waiting = new Map<string, number>();
  /** A lock document kept for the next caller of the same key in this process. */
  private readonly handedOver = new Map<string, HeldLock>();

  constructor(@InjectModel(DocumentLock.name) private readonly locks: Model<DocumentLock>) {}

  async run<T>(key: string, section: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    let done!: () => void;
    const turn = new Promise<void>((resolve) => (done = resolve));
    const tail = previous.then(() => turn);
    this.tails.set(key, tail);
    this.waiting.set(key, (this.waiting.get(key) ?? 0) + 1);
    await previous;
    this.leaveQueue(key);
    try {
      const held = this.handedOver.get(key) ?? { owner: await this.acquire(key), since: Date.now() };
      this.handedOver.delete(key);
      try {
        return await section();
      } finally {
        await this.passOn(key, held);
      }
    } finally {
      done();
      if (this.tails.get(key) === tail) this.tails.delete(key);
    }
  }

  /**
   * After a section: when another caller of this process is queued for the same key, it gets the
   * lock document as it is (saving a delete and an insert per section, which is most of the cost
   * on a hot key such as a best-selling book's stock); otherwise, or once the lock has been held
   * for HAND_OVER_MS (well inside LOCK_TTL_MS, and so that other instances get their turn), it is
   * released.
   */
  private async passOn(key: string, held: HeldLock): Promise<void> {
    if ((this.waiting.get(key) ?? 0) > 0 && Date.now() - held.since < HAND_OVER_MS) {
      this.handedOver.set(key, held);
      return;
    }
    await this.release(key, held.owner);
  }

  private leaveQueue(key: string): void {
    const left = (this.waiting.get(key) ?? 1) - 1;
    if (left > 0) this.waiting.set(key, left);
    else this.waiting.delete(key);
  }

  private async acquire(key: string): Promise<string> {
    const owner = randomUUID();
    const deadline = Date.now() + WAIT_MS;
    for (let pause = 5; ; pause = Math.min(pause * 2, 100)) {
      try {
        await this.locks.create({ _id: key, owner, expiresAt: new Date(Date.now() + LOCK_TTL_MS) });
        return owner;
      } catch (error) {
        if ((error as { code?: number }).code === DUPLICATE_KEY) await this.breakIfExpired(key);
        // Anything else ("database is locked") is transient: try again.
      }
      if (Date.now() > deadline) throw new Error(`lock ${key} not acquired within ${WAIT_MS} ms`);
      await new Promise((resolve) => setTimeout(resolve, pause + Math.random() * pause));
    }
  }

  /** Removes a lock whose holder died; by owner, so a lock taken meanwhile by another is kept. */
  private async breakIfExpired(key: string): Promise<void> {
    const held = await this.locks.findById(key).lean<DocumentLock>().exec();
    if (held && held.expiresAt.getTime() < Date.now()) {
      await this.locks.deleteOne({ _id: key, owner: held.owner }).exec();
    }
  }

  private async release(key: string, owner: string): Promise<void> {
    for (let attempt = 1; attempt <= 5; attempt++) {
      try {
        await this.locks.deleteOne({ _id: key, owner }).exec();
        return;
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 10 * attempt));
      }
    }
    // Not released: it expires after LOCK_TTL_MS.
  }
}
