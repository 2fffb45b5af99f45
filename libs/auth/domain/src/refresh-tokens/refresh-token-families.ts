import { randomUUID } from 'node:crypto';

import { DomainError } from '@bookstore/shared/contracts';

import { hashRefreshToken, newRefreshTokenSecret } from './refresh-token-secret';
import type { RefreshTokenStore } from './refresh-token-store.port';

/** A refresh token handed to a client, and whose it is. */
export interface IssuedRefreshToken {
  token: string;
  userId: string;
  familyId: string;
  expiresAt: Date;
}

const invalid = () => DomainError.unauthorized('AUTH.REFRESH_INVALID', 'Invalid or expired refresh token');

/**
 * Refresh-token families: a login starts a family; every refresh spends the presented token and
 * issues its successor in the same family. Presenting a spent token again means it was stolen (or
 * the client is confused): the whole family is revoked, so neither party can go on.
 */
export class RefreshTokenFamilies {
  constructor(
    private readonly store: RefreshTokenStore,
    private readonly lifetimeMs: number,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /** A new family for a fresh login. */
  start(userId: string): Promise<IssuedRefreshToken> {
    return this.issue(userId, randomUUID());
  }

  /** Spends `token` and returns its successor; reuse of a spent token revokes the family. */
  async rotate(token: string): Promise<IssuedRefreshToken> {
    const now = this.clock();
    const tokenHash = hashRefreshToken(token);
    const known = await this.store.find(tokenHash);
    if (!known) throw invalid();
    // A reuse racing the rotation that issued this token revoked the family before this token was
    // stored, and so missed it: a family with any revoked token is dead, this token included.
    // Checked before the spend, so a reuse of this very token never refuses the one spend that wins.
    if (await this.store.isFamilyRevoked(known.familyId)) {
      await this.store.revokeFamily(known.familyId, now);
      throw invalid();
    }
    const spent = await this.store.spend(tokenHash, now);
    if (!spent) {
      const current = await this.store.find(tokenHash);
      if (current?.usedAt && !current.revokedAt) await this.store.revokeFamily(current.familyId, now);
      throw invalid();
    }
    if (spent.expiresAt.getTime() <= now.getTime()) throw invalid();
    return this.issue(spent.userId, spent.familyId);
  }

  /** Ends the session `token` belongs to, if it is `userId`'s; else AUTH.REFRESH_INVALID. */
  async revoke(token: string, userId: string): Promise<void> {
    const known = await this.store.find(hashRefreshToken(token));
    if (!known || known.userId !== userId) throw invalid();
    await this.store.revokeFamily(known.familyId, this.clock());
  }

  private async issue(userId: string, familyId: string): Promise<IssuedRefreshToken> {
    const token = newRefreshTokenSecret();
    const expiresAt = new Date(this.clock().getTime() + this.lifetimeMs);
    await this.store.insert({ tokenHash: hashRefreshToken(token), familyId, userId, expiresAt });
    return { token, userId, familyId, expiresAt };
  }
}
