import type { EventEnvelope } from '@bookstore/shared/contracts';
import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Logger } from '@nestjs/common';
import { context, propagation, ROOT_CONTEXT } from '@opentelemetry/api';
import type { Model } from 'mongoose';

import type { OutboxEntry } from './outbox-entry.schema';
import type { OutboxPublisher } from './outbox-publisher';

/** A document of a collection whose documents carry an `outbox` array. */
export interface WithOutbox {
  _id: unknown;
  outbox: OutboxEntry[];
}

export interface OutboxRelayOptions {
  /** How often the sweep looks for entries no hand-off published (a crash, a broker outage). */
  sweepIntervalMs?: number;
  /** The sweep leaves younger entries alone: their hand-off is still under way. */
  graceMs?: number;
  /** Documents published at the same time (each document's own entries stay in order). */
  concurrency?: number;
}

const DEFAULTS: Required<OutboxRelayOptions> = { sweepIntervalMs: 5000, graceMs: 5000, concurrency: 32 };
const SWEEP_BATCH = 200;
const MAX_SWEEP_BACKOFF_MS = 30_000;
/** Event ids this process published lately, so its own sweep does not publish them again. */
const RECENT_IDS = 20_000;

interface Pending {
  model: Model<WithOutbox>;
  id: unknown;
  entries: OutboxEntry[];
}

/**
 * Publishes the events that writes stored in their documents' `outbox`, and removes each entry
 * only after the broker confirmed it. Two ways in, one way out:
 * - hand-off: `OutboxCollection` passes every successful write's entries here, so they are
 *   published at once without reading the document again;
 * - sweep: every `sweepIntervalMs`, a query on the `outbox.occurredAt` index (declared by
 *   `OutboxEntrySchema`) finds entries older than `graceMs` that are still stored (the process died before publishing, or the broker refused) and publishes them.
 * A document's entries are published in the order they were written; different documents go in
 * parallel. A crash between confirm and removal publishes an entry twice: consumers are idempotent.
 * Several replicas may sweep the same stale entry: the same.
 */
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private readonly options: Required<OutboxRelayOptions>;
  private readonly byName: Map<string, Model<WithOutbox>>;
  /** Hand-offs waiting, per document; a key is present while its document is queued or publishing. */
  private readonly queued = new Map<string, Pending>();
  private readonly busy = new Set<string>();
  private readonly idle: (() => void)[] = [];
  private readonly recent = new Set<string>();
  private active = 0;
  private timer?: NodeJS.Timeout;
  private sweeping?: Promise<void>;
  private sweepFailures = 0;
  /** Documents whose publishing failed, ever (the sweep compares before and after). */
  private failures = 0;
  private stopped = false;

  constructor(
    private readonly publisher: OutboxPublisher,
    models: Model<WithOutbox>[],
    options: OutboxRelayOptions = {},
  ) {
    this.options = { ...DEFAULTS, ...options };
    this.byName = new Map(models.map((model) => [model.modelName, model]));
  }

  onApplicationBootstrap(): void {
    this.scheduleSweep(0);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.sweeping;
    await this.drained();
  }

  /** Entries a write just stored in document `id` of `modelName`: publish them now. */
  handOff(modelName: string, id: unknown, entries: readonly EventEnvelope[]): void {
    const model = this.byName.get(modelName);
    if (!model) throw new Error(`OutboxRelay: no outbox collection named ${modelName}`);
    if (this.stopped || entries.length === 0) return;
    const key = `${modelName}:${String(id)}`;
    const pending = this.queued.get(key);
    if (pending) pending.entries.push(...entries.map(toOutboxEntry));
    else this.queued.set(key, { model, id, entries: entries.map(toOutboxEntry) });
    this.pump();
  }

  /** Publishes every stored entry, however young; rejects when any could not be published. */
  async flush(): Promise<void> {
    await this.drained();
    await this.sweep(new Date(Date.now() + 1000));
  }

  /** Starts publishing queued documents, up to `concurrency` at once, one at a time per document. */
  private pump(): void {
    for (const [key, pending] of this.queued) {
      if (this.active >= this.options.concurrency) return;
      if (this.busy.has(key)) continue;
      this.queued.delete(key);
      this.busy.add(key);
      this.active++;
      this.publishDocument(pending)
        .catch((error: unknown) => {
          this.failures++;
          // Still stored: the sweep publishes them once the broker is back.
          this.logger.warn({ msg: 'outbox publish failed; the sweep will retry', error: String(error) });
        })
        .finally(() => {
          this.busy.delete(key);
          this.active--;
          if (this.active === 0 && this.queued.size === 0) this.idle.splice(0).forEach((wake) => wake());
          this.pump();
        });
    }
  }

  private async publishDocument({ model, id, entries }: Pending): Promise<void> {
    for (const entry of entries) {
      // A hand-off may have published it after the sweep read it: then it only needs removing.
      if (this.recent.has(entry.eventId)) continue;
      // Published in the trace of the write that stored it (the hand-off runs in that request,
      // the sweep in none), so the broker hop and its consumers join that trace.
      const stored = propagation.extract(ROOT_CONTEXT, entry.trace ?? {});
      await context.with(stored, () => this.publisher.publish(toEnvelope(entry)));
      this.remember(entry.eventId);
    }
    await model
      .updateOne({ _id: id }, { $pull: { outbox: { eventId: { $in: entries.map((e) => e.eventId) } } } })
      .exec();
  }

  private remember(eventId: string): void {
    this.recent.add(eventId);
    if (this.recent.size > RECENT_IDS) this.recent.delete(this.recent.values().next().value as string);
  }

  private drained(): Promise<void> {
    if (this.active === 0 && this.queued.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.idle.push(resolve));
  }

  private scheduleSweep(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.sweeping = this.sweep(new Date(Date.now() - this.options.graceMs))
        .then(() => {
          this.sweepFailures = 0;
        })
        .catch((error: unknown) => {
          this.sweepFailures++;
          this.logger.warn({ msg: 'outbox sweep failed; will retry', error: String(error) });
        })
        .finally(() => {
          this.sweeping = undefined;
          const { sweepIntervalMs } = this.options;
          this.scheduleSweep(Math.min(sweepIntervalMs * 2 ** this.sweepFailures, MAX_SWEEP_BACKOFF_MS));
        });
    }, delayMs);
  }

  /**
   * Publishes every entry written before `olderThan` that no hand-off is publishing, by the
   * age index; rejects when any of them could not be published (they stay stored).
   */
  private async sweep(olderThan: Date): Promise<void> {
    const failuresBefore = this.failures;
    const cutoff = olderThan.toISOString();
    for (const model of this.byName.values()) {
      for (let found = SWEEP_BATCH; found === SWEEP_BATCH && !this.stopped;) {
        const stale = await model
          .find({ 'outbox.occurredAt': { $lt: cutoff } }, { outbox: 1 })
          .limit(SWEEP_BATCH)
          .lean<WithOutbox[]>()
          .exec();
        found = stale.length;
        for (const doc of stale) {
          const key = `${model.modelName}:${String(doc._id)}`;
          if (this.busy.has(key) || this.queued.has(key)) continue;
          this.queued.set(key, { model, id: doc._id, entries: doc.outbox });
        }
        this.pump();
        await this.drained();
        if (this.failures > failuresBefore) throw new Error('outbox entries could not be published');
      }
    }
  }
}

/**
 * The stored form of an event: the envelope plus the trace context active now (the request or
 * message being handled), so a later publish continues that trace.
 */
export function toOutboxEntry(envelope: EventEnvelope): OutboxEntry {
  const { eventId, type, occurredAt, correlationId, payload } = envelope;
  const trace: Record<string, string> = {};
  propagation.inject(context.active(), trace);
  return {
    eventId,
    type,
    occurredAt,
    correlationId,
    payload: payload as Record<string, unknown>,
    ...(Object.keys(trace).length > 0 && { trace }),
  };
}

function toEnvelope(entry: OutboxEntry): EventEnvelope {
  const { eventId, type, occurredAt, correlationId, payload } = entry;
  return { eventId, type, occurredAt, correlationId, payload };
}
