import type { EventEnvelope } from '@bookstore/shared/contracts';
import type { Model, QueryFilter, QueryOptions, UpdateQuery } from 'mongoose';

import { isDuplicateKey } from '../writes/duplicate-key';
import type { OutboxRelay, WithOutbox } from './outbox-relay';
import { toOutboxEntry } from './outbox-relay';

/** A filter that names one document by `_id`, so the relay knows which document a write touched. */
export type ByIdFilter<T> = QueryFilter<T> & { _id: unknown };

/**
 * A collection whose documents carry an outbox, as its repository writes it: every write stores
 * the state change and the events it causes in ONE single-document operation, and on success
 * hands those events to the relay. Use cases never see the relay; a crash between the write and
 * the hand-off leaves the events stored, and the relay's sweep publishes them.
 */
export class OutboxCollection<T> {
  constructor(
    readonly model: Model<T>,
    private readonly relay: OutboxRelay,
  ) {}

  /**
   * Inserts `doc` with `events` as its outbox; null when a unique index refused it (E11000): the
   * natural key is taken, by a concurrent copy of the same request or event that stored it first,
   * and the caller reads what won. Any other error passes through.
   */
  async insert(doc: Partial<T> & { _id: unknown }, events: readonly EventEnvelope[]): Promise<T | null> {
    let created;
    try {
      created = await this.model.create({ ...doc, outbox: events.map(toOutboxEntry) });
    } catch (error) {
      if (isDuplicateKey(error)) return null;
      throw error;
    }
    this.relay.handOff(this.model.modelName, doc._id, events);
    return created.toObject() as T;
  }

  /**
   * Applies `update` and appends `events` to the document `filter` matches, in one conditional
   * update; true when it matched (and so the events were stored).
   */
  async update(
    filter: ByIdFilter<T>,
    update: UpdateQuery<T>,
    events: readonly EventEnvelope[],
  ): Promise<boolean> {
    const result = await this.model.updateOne(filter, withEvents(update, events)).exec();
    if (result.matchedCount === 0) return false;
    this.relay.handOff(this.model.modelName, filter._id, events);
    return true;
  }

  /** `update` plus `events` in one `findOneAndUpdate`; the document after the write, or null. */
  async findOneAndUpdate(
    filter: QueryFilter<T>,
    update: UpdateQuery<T>,
    events: readonly EventEnvelope[],
    options: QueryOptions<T> = {},
  ): Promise<T | null> {
    const doc = await this.model
      .findOneAndUpdate(filter, withEvents(update, events), { ...options, returnDocument: 'after' })
      .lean<T & { _id: unknown }>()
      .exec();
    if (doc) this.relay.handOff(this.model.modelName, doc._id, events);
    return doc;
  }
}

/** `update` with `events` pushed onto the outbox (merged with the update's own `$push`). */
export function withEvents<T>(update: UpdateQuery<T>, events: readonly EventEnvelope[]): UpdateQuery<T> {
  if (events.length === 0) return update;
  const push = { ...(update.$push ?? {}), outbox: { $each: events.map(toOutboxEntry) } };
  return { ...update, $push: push } as UpdateQuery<T>;
}

export type { WithOutbox };
