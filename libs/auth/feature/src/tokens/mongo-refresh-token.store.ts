import type { RefreshTokenRecord, RefreshTokenStore } from '@bookstore/auth/domain';
import { DocumentLocks } from '@bookstore/shared/messaging';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';

import { RefreshToken } from './refresh-token.schema';

/**
 * Refresh tokens in MongoDB; `spend` is one conditional update, so a token is spent at most once.
 * It runs under the token's lock because FerretDB does not apply conditional updates atomically:
 * two concurrent refreshes with one token must not both win (see DocumentLocks).
 */
@Injectable()
export class MongoRefreshTokenStore implements RefreshTokenStore {
  constructor(
    @InjectModel(RefreshToken.name) private readonly tokens: Model<RefreshToken>,
    private readonly locks: DocumentLocks,
  ) {}

  async insert(record: RefreshTokenRecord): Promise<void> {
    await this.tokens.create({ ...record, usedAt: null, revokedAt: null });
  }

  spend(tokenHash: string, now: Date): Promise<RefreshTokenRecord | null> {
    return this.locks.run(`refresh-token:${String(tokenHash)}`, () =>
      this.tokens
        .findOneAndUpdate(
          { tokenHash: String(tokenHash), usedAt: null, revokedAt: null },
          { $set: { usedAt: now } },
          { new: false },
        )
        .lean<RefreshTokenRecord>()
        .exec(),
    );
  }

  find(tokenHash: string): Promise<RefreshTokenRecord | null> {
    return this.tokens
      .findOne({ tokenHash: String(tokenHash) })
      .lean<RefreshTokenRecord>()
      .exec();
  }

  async revokeFamily(familyId: string, now: Date): Promise<void> {
    await this.tokens.updateMany({ familyId, revokedAt: null }, { $set: { revokedAt: now } }).exec();
  }
}
