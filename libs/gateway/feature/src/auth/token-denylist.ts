import { sessionsValidFromKey } from '@bookstore/shared/contracts';
import { REDIS_CLIENT } from '@bookstore/shared/platform';
import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';

import { redisCall } from './redis-call';
import type { VerifiedAccessToken } from './verified-access-token';

const PREFIX = 'auth:denylist:';

/** What revocation looks at in a token. */
export type RevocableToken = Pick<VerifiedAccessToken, 'jti' | 'userId' | 'issuedAtMs'>;

/**
 * Revoked access tokens, shared by every gateway instance, in two kinds of Redis keys:
 * - one token by `jti` (logout), written here; it lives exactly as long as the token would have;
 * - every token of a user issued before an instant (logout-all, role change, password reset): the
 *   user's sessions mark, written by the auth service (SessionMarks), read here.
 * A check reads both in one MGET, so an authenticated request costs one Redis round trip.
 */
@Injectable()
export class TokenDenylist {
  constructor(@Inject(REDIS_CLIENT) private readonly redis: Redis) {}

  async add(jti: string, expiresAtSeconds: number): Promise<void> {
    const ttl = Math.max(1, Math.ceil(expiresAtSeconds - Date.now() / 1000));
    await redisCall(() => this.redis.set(PREFIX + jti, '1', 'EX', ttl));
  }

  /** True when the token was revoked by itself or by its user's sessions mark. */
  async isRevoked(token: RevocableToken): Promise<boolean> {
    const [revoked] = await this.revokedAmong([token]);
    return revoked === true;
  }

  /** `isRevoked` for many tokens in one round trip (the open streams' periodic re-check). */
  async revokedAmong(tokens: readonly RevocableToken[]): Promise<boolean[]> {
    if (tokens.length === 0) return [];
    const keys = tokens.flatMap((token) => [PREFIX + token.jti, sessionsValidFromKey(token.userId)]);
    const values = await redisCall(() => this.redis.mget(keys));
    return tokens.map((token, i) => {
      const denied = values[2 * i] != null;
      const validFrom = Number(values[2 * i + 1] ?? Number.NEGATIVE_INFINITY);
      // Issued in the very millisecond of the revocation counts as after it (a login right after).
      return denied || token.issuedAtMs < validFrom;
    });
  }
}
