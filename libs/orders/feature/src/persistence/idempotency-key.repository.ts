import { isDuplicateKey } from '@bookstore/shared/persistence';
import { Inject, Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';

import type { OrdersConfig } from '../config/orders.config';
import { ORDERS_CONFIG } from '../orders.tokens';
import { IdempotencyKey } from './idempotency-key.schema';

/** Inserts and take-overs before giving up: each retry means the holder vanished in between. */
const CLAIM_ATTEMPTS = 3;
const HOUR_MS = 3_600_000;

/** A live key: the request it is bound to and the order it places. */
export interface IdempotencyKeyRecord {
  id: string;
  requestHash: string;
  orderId: string;
  expiresAt: Date;
}

/** What a request binds a free key to. */
export type KeyClaim = Pick<IdempotencyKeyRecord, 'id' | 'requestHash' | 'orderId'> & { userId: string };

/**
 * The `idempotency_keys` collection: which order each (user, Idempotency-Key) places, and for
 * which request.
 *
 * Why a collection of its own rather than the key on the order (as before): a key must expire
 * (24 h by default, ORDERS_IDEMPOTENCY_TTL_HOURS) and then be usable again, but the order stays
 * forever, so a unique index on the order's key would block the reuse for good; and a key must
 * be bound to its request before the order exists, so that racing requests with different bodies
 * are told apart before either stores anything. The record is inserted FIRST: its unique `_id`
 * decides which request's order id the key places, and the order is then inserted with that
 * `_id`, whose uniqueness lets one insert win when two requests with the same body race. So
 * one mechanism, the unique `_id`, holds both steps, and a crash between them leaves a key
 * that a retry with the same body completes (same order id), never a second order.
 *
 * Expiry: the TTL index removes expired records about once a minute, so it is housekeeping only.
 * Every read here treats a record past `expiresAt` as absent, and a claim replaces an expired
 * record by one conditional update (conditional on it still being expired, so of racing claims
 * one wins).
 */
@Injectable()
export class IdempotencyKeyRepository {
  private readonly ttlMs: number;

  constructor(
    @InjectModel(IdempotencyKey.name) private readonly keys: Model<IdempotencyKey>,
    @Inject(ORDERS_CONFIG) config: OrdersConfig,
  ) {
    this.ttlMs = config.ORDERS_IDEMPOTENCY_TTL_HOURS * HOUR_MS;
  }

  /** The key's record while it lives, else null (expired records included, removed or not). */
  async findLive(id: string): Promise<IdempotencyKeyRecord | null> {
    const doc = await this.keys
      .findOne({ _id: id, expiresAt: { $gt: new Date() } })
      .lean<IdempotencyKey>()
      .exec();
    return doc ? toRecord(doc) : null;
  }

  /**
   * Binds the key to `claim` unless a live record holds it, and answers the record that holds
   * the key afterwards: `claim` itself, or the earlier one (whose request hash the caller
   * compares with its own: another request, or the same one racing).
   */
  async claim(claim: KeyClaim): Promise<IdempotencyKeyRecord> {
    for (let attempt = 1; attempt <= CLAIM_ATTEMPTS; attempt++) {
      const now = new Date();
      const { id, ...fields } = claim;
      const record = { ...fields, createdAt: now, expiresAt: new Date(now.getTime() + this.ttlMs) };
      try {
        await this.keys.create({ _id: id, ...record });
        return toRecord({ _id: id, ...record });
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
      }
      // Taken. An expired holder is absent: take its place, conditional on it still being expired.
      const renewed = await this.keys
        .findOneAndUpdate(
          { _id: id, expiresAt: { $lte: now } },
          { $set: record },
          { returnDocument: 'after' },
        )
        .lean<IdempotencyKey>()
        .exec();
      if (renewed) return toRecord(renewed);
      const live = await this.findLive(id);
      if (live) return live;
      // The holder vanished in between (the TTL monitor removed it): insert again.
    }
    throw new Error(`idempotency key ${claim.id} kept changing under us`);
  }
}

function toRecord(doc: Pick<IdempotencyKey, '_id' | 'requestHash' | 'orderId' | 'expiresAt'>) {
  return { id: doc._id, requestHash: doc.requestHash, orderId: doc.orderId, expiresAt: doc.expiresAt };
}
