import type { OnModuleInit } from '@nestjs/common';
import { Injectable, Logger } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';

import { Order } from './order.schema';

/** The unique `{userId, idempotencyKey}` index orders carried before keys got their own collection. */
const LEGACY_INDEX = 'userId_1_idempotencyKey_1';
/** IndexNotFound, NamespaceNotFound: nothing to drop. */
const NOTHING_TO_DROP = new Set([26, 27]);

/**
 * Drops LEGACY_INDEX at start, before the first request. Orders no longer store a key
 * (idempotency-key.repository.ts says why), so on a database the old code made every order of a
 * user would index as `(userId, null)` and the user's second order would be refused.
 * `IndexBuilder` creates the declared indexes and never drops one, hence this one-off; it can
 * go once no database from before issue 12 is left.
 */
@Injectable()
export class LegacyOrderIndexes implements OnModuleInit {
  private readonly logger = new Logger(LegacyOrderIndexes.name);

  constructor(@InjectModel(Order.name) private readonly orders: Model<Order>) {}

  async onModuleInit(): Promise<void> {
    try {
      await this.orders.collection.dropIndex(LEGACY_INDEX);
      this.logger.log({ msg: 'dropped the legacy orders index', index: LEGACY_INDEX });
    } catch (error) {
      if (!NOTHING_TO_DROP.has((error as { code?: number }).code ?? -1)) throw error;
    }
  }
}
