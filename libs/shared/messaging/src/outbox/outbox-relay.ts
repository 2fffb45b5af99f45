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

/** A document a write just appended events to: the relay looks it up by `_id` instead of scanning. */
export interface WrittenDocument {
  /** The Mongoose model name of its collection (`Model.modelName`). */
  model: string;
  id: string;
}

/**
 * The full scan for pending entries. It catches what no targeted kick named: events left by a
 * crash between the write and its kick, or by a failed publish. On FerretDB the scan reads the
 * whole collection (`outbox.0 $exists` is not pushed down to PostgreSQL: every document is handed
 * to FerretDB and decoded there), so it runs rarely; every write that appends an event kicks the
 * relay with the document's `_id`, a filter PostgreSQL evaluates itself, returning one row.
 */
const SWEEP_INTERVAL_MS = 5000;
const BATCH = 200;
const RETRY_BASE_MS = 1000;
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
  /** Documents kicked since the last run started, by model name. */
  private written = new Map<string, Set<string>>();
  /** A full scan is due (on the sweep timer, which starts at bootstrap and follows a failure, or on a bare kick). */
  private sweepDue = false;
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

  /**
   * Ask for a run now, after a write that appended events: with the written document, only that
   * document is looked up; without, every collection is scanned.
   */
  kick(written?: WrittenDocument): void {
    if (this.stopped) return;
    if (written) {
      const ids = this.written.get(written.model) ?? new Set<string>();
      this.written.set(written.model, ids.add(written.id));
    } else {
      this.sweepDue = true;
    }
    if (!this.running) this.run();
  }

  /** Publishes everything pending; resolves when the outboxes were empty at some point. */
  async flush(): Promise<void> {
    while (this.running) await this.running;
    await this.drainAll();
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.kick();
    }, delayMs);
  }

  private run(): void {
    const sweep = this.sweepDue;
    const written = this.written;
    this.sweepDue = false;
    this.written = new Map();
    this.running = (sweep ? this.drainAll() : this.drainWritten(written))
      .then(() => {
        this.failures = 0;
      })
      .catch((error: unknown) => {
        this.failures++;
        // The backoff's sweep finds whatever this run left behind, kicked documents included.
        this.logger.warn({
          msg: 'outbox relay failed; will retry',
          error: error instanceof Error ? error.message : String(error),
          failures: this.failures,
        });
      })
      .finally(() => {
        this.running = undefined;
        if (this.failures) {
          this.schedule(Math.min(RETRY_BASE_MS * 2 ** this.failures, MAX_BACKOFF_MS));
        } else if (this.written.size || this.sweepDue) {
          this.run();
        } else if (sweep || !this.timer) {
          // Kicks do not postpone the sweep: it comes every SWEEP_INTERVAL_MS however busy we are.
          this.schedule(SWEEP_INTERVAL_MS);
        }
      });
  }

  private async drainAll(): Promise<void> {
    for (const model of this.models) {
      let published: number;
      do {
        published = await this.drain(model, { 'outbox.0': { $exists: true } });
      } while (published >= BATCH && !this.stopped);
    }
  }

  /** The kicked documents, each looked up by `_id` (FerretDB pushes an `_id` equality, not `$in`). */
  private async drainWritten(written: Map<string, Set<string>>): Promise<void> {
    for (const model of this.models) {
      for (const id of written.get(model.modelName) ?? []) {
        if (this.stopped) return;
        await this.drain(model, { _id: id, 'outbox.0': { $exists: true } });
      }
    }
  }

  private async drain(model: Model<WithOutbox>, filter: Record<string, unknown>): Promise<number> {
    const pending = await model.find(filter, { outbox: 1 }).limit(BATCH).lean<WithOutbox[]>().exec();
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
