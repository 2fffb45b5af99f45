import { sessionsValidFromKey } from '@bookstore/shared/contracts';
import { REDIS_CLIENT } from '@bookstore/shared/platform';
import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';

import { AUTH_CONFIG } from '../auth.tokens';
import type { AuthConfig } from '../config/auth.config';

/** Room for clocks that disagree a little between auth replicas and gateways. */
const CLOCK_SLACK_MS = 60_000;

/**
 * Sets the mark to ARGV[1] (ms) only when that is later than the mark already there, expiring at
 * ARGV[2] (ms): one script, so two revocations racing can never move the mark back.
 */
const ADVANCE_SCRIPT = `
local current = tonumber(redis.call('GET', KEYS[1]) or '0')
if tonumber(ARGV[1]) <= current then return 0 end
redis.call('SET', KEYS[1], ARGV[1], 'PXAT', ARGV[2])
return 1
`;

/**
 * The per-user mark in Redis that the gateway checks on every authenticated request, beside the
 * jti denylist: "access tokens of this user issued before T are void". It lives as long as a token
 * issued just before T could (the access-token lifetime), so marks never pile up.
 */
@Injectable()
export class SessionMarks {
  constructor(
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
    @Inject(AUTH_CONFIG) private readonly config: AuthConfig,
  ) {}

  /** Moves the user's mark forward to `notBefore`; a no-op when it is later already. */
  async advance(userId: string, notBefore: Date): Promise<void> {
    const at = notBefore.getTime();
    const expiresAt = at + this.config.ACCESS_TOKEN_TTL_SECONDS * 1000 + CLOCK_SLACK_MS;
    // Every token this mark would void has expired by itself: nothing to write.
    if (expiresAt <= Date.now()) return;
    await this.redis.eval(ADVANCE_SCRIPT, 1, sessionsValidFromKey(userId), String(at), String(expiresAt));
  }
}
