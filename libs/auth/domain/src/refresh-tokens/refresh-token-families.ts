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

  /**
   * Spends `token` and returns its successor; reuse of a spent token revokes the family.
   *
   * The successor is stored BEFORE the spend: a reuse can only be detected once the spend is
   * stored, so the reuse's family revocation always finds the successor and revokes it too (spent
   * first, a reuse landing between the spend and the insert revoked the family without it). Only
   * the spend's winner hands its successor out; a loser's successor was never seen by anyone and
   * is revoked with the family.
   */
  async rotate(token: string): Promise<IssuedRefreshToken> {
    const now = this.clock();
    const tokenHash = hashRefreshToken(token);
    const known = await this.store.find(tokenHash);
    if (!known || known.expiresAt.getTime() <= now.getTime()) throw invalid();
    // A family with any revoked token is dead, this token included (a reuse's revocation is one
    // update over the family, which a successor stored while it ran may still escape).
    if (await this.store.isFamilyRevoked(known.familyId)) {
      await this.store.revokeFamily(known.familyId, now);
      throw invalid();
    }
    const successor = await this.issue(known.userId, known.familyId);
    if (!(await this.store.spend(tokenHash, now))) {
      // Spent already (a reuse, or a concurrent refresh that won) or revoked: the family ends,
      // this loser's unseen successor with it.
      await this.store.revokeFamily(known.familyId, now);
      throw invalid();
    }
    return successor;
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
