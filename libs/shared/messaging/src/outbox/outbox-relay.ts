import type { EventEnvelope } from '@bookstore/shared/contracts';
import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Logger } from '@nestjs/common';
import type { Model } from 'mongoose';

import type { EventPublisher } from '../publishing/event-publisher';
import type { OutboxEntry } from './outbox-entry.schema';

interface WithOutbox {
  _id: unknown;
  outbox: OutboxEntry[];
}

const POLL_INTERVAL_MS = 1000;
const BATCH = 200;
const MAX_BACKOFF_MS = 30_000;

/**
 * Publishes the outbox entries of the given collections in order, oldest first, and pops each one
 * only after the broker confirmed it. A broker outage delays events (with backoff) and never loses
 * them; a crash between confirm and pop republishes, which consumers deduplicate by `eventId`.
 *
 * The pop is conditional on the entry still being first, so concurrent relays (replicas) never
 * remove an event they did not publish. (`$pop` rather than `$pull`: it works on FerretDB too.)
 */
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private again = false;
  private failures = 0;
  private stopped = false;

  constructor(
    private readonly publisher: EventPublisher,
    private readonly models: Model<WithOutbox>[],
  ) {}

  onApplicationBootstrap(): void {
    this.schedule(0);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  /** Ask for a run now, after a write that appended events. */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.run();
  }

  /** Publishes everything pending; resolves when the outboxes were empty at some point. */
  async flush(): Promise<void> {
    while (this.running) await this.running;
    await this.drainAll();
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.kick(), delayMs);
  }

  private run(): void {
    this.running = this.drainAll()
      .then(() => {
        this.failures = 0;
      })
      .catch((error: unknown) => {
        this.failures++;
        this.logger.warn({
          msg: 'outbox relay failed; will retry',
          error: error instanceof Error ? error.message : String(error),
          failures: this.failures,
        });
      })
      .finally(() => {
        this.running = undefined;
        if (this.again && this.failures === 0) {
          this.again = false;
          this.kick();
        } else {
          const backoff = Math.min(POLL_INTERVAL_MS * 2 ** this.failures, MAX_BACKOFF_MS);
          this.schedule(this.failures ? backoff : POLL_INTERVAL_MS);
        }
      });
  }

  private async drainAll(): Promise<void> {
    for (const model of this.models) {
      let published: number;
      do {
        published = await this.drain(model);
      } while (published >= BATCH && !this.stopped);
    }
  }

  private async drain(model: Model<WithOutbox>): Promise<number> {
    const pending = await model
      .find({ 'outbox.0': { $exists: true } }, { outbox: 1 })
      .limit(BATCH)
      .lean<WithOutbox[]>()
      .exec();
    let count = 0;
    for (const doc of pending) {
      for (const entry of doc.outbox) {
        await this.publisher.publish(toEnvelope(entry));
        await model
          .updateOne({ _id: doc._id, 'outbox.0.eventId': entry.eventId }, { $pop: { outbox: -1 } })
          .exec();
        count++;
      }
    }
    return count;
  }
}

function toEnvelope(entry: OutboxEntry): EventEnvelope {
  return {
    eventId: entry.eventId,
    type: entry.type,
    occurredAt: entry.occurredAt,
    correlationId: entry.correlationId,
    payload: entry.payload,
  };
}
