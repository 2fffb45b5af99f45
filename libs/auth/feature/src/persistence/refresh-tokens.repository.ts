import type { RefreshTokenRecord, RefreshTokenStore } from '@bookstore/auth/domain';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';

import { RefreshToken } from './refresh-token.schema';

/**
 * Refresh tokens in MongoDB, the domain's `RefreshTokenStore`. `spend` is one conditional
 * `findOneAndUpdate` on `{usedAt: null, revokedAt: null}`, which the server applies atomically:
 * of concurrent refreshes with one token, exactly one finds it unspent.
 */
@Injectable()
export class RefreshTokensRepository implements RefreshTokenStore {
  constructor(@InjectModel(RefreshToken.name) private readonly tokens: Model<RefreshToken>) {}

  async insert(record: RefreshTokenRecord): Promise<void> {
    await this.tokens.create({ ...record, usedAt: null, revokedAt: null });
  }

  spend(tokenHash: string, now: Date): Promise<RefreshTokenRecord | null> {
    return this.tokens
      .findOneAndUpdate(
        { tokenHash: String(tokenHash), usedAt: null, revokedAt: null },
        { $set: { usedAt: now } },
        { new: false },
      )
      .lean<RefreshTokenRecord>()
      .exec();
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

  /**
   * Revokes every refresh token of the user issued up to `issuedUpTo` (every family, one
   * `updateMany`): tokens of a login after it live on. Idempotent; answers how many it revoked.
   */
  async revokeAllOfUser(userId: string, issuedUpTo: Date, now: Date): Promise<number> {
    const result = await this.tokens
      .updateMany(
        { userId: String(userId), revokedAt: null, createdAt: { $lte: issuedUpTo } },
        { $set: { revokedAt: now } },
      )
      .exec();
    return result.modifiedCount;
  }

  async isFamilyRevoked(familyId: string): Promise<boolean> {
    return (await this.tokens.exists({ familyId, revokedAt: { $ne: null } }).exec()) !== null;
  }
}
