import { createHash } from 'node:crypto';

import { REDIS_CLIENT } from '@bookstore/shared/platform';
import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';

import type { AuthRoutesConfig } from './auth-routes.config';
import { AUTH_ROUTES_CONFIG } from './auth-routes.tokens';
import { redisCall } from './redis-call';
import { TooManyAttemptsError } from './too-many-attempts.error';

/**
 * Brute-force protection for login: failed attempts are counted per account (normalised e-mail)
 * and per client address in Redis, in fixed windows shared by every gateway instance. Past a limit
 * every attempt gets 429 until the window ends; a successful login clears the account's counter.
 */
@Injectable()
export class LoginThrottle {
  constructor(
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
    @Inject(AUTH_ROUTES_CONFIG) private readonly config: AuthRoutesConfig,
  ) {}

  /** Throws TooManyAttemptsError (429 with Retry-After) when either counter is at its limit. */
  async assertAllowed(email: string, ip: string): Promise<void> {
    const checks: [string, number][] = [
      [accountKey(email), this.config.LOGIN_MAX_FAILURES_PER_ACCOUNT],
      [ipKey(ip), this.config.LOGIN_MAX_FAILURES_PER_IP],
    ];
    for (const [key, limit] of checks) {
      const [count, ttl] = await redisCall(() => Promise.all([this.redis.get(key), this.redis.ttl(key)]));
      if (Number(count ?? 0) >= limit) {
        throw new TooManyAttemptsError(ttl > 0 ? ttl : this.config.LOGIN_FAILURE_WINDOW_SECONDS);
      }
    }
  }

  async recordFailure(email: string, ip: string): Promise<void> {
    const window = this.config.LOGIN_FAILURE_WINDOW_SECONDS;
    const pipeline = this.redis.multi();
    for (const key of [accountKey(email), ipKey(ip)]) {
      // The window starts with the first failure; later failures do not extend it.
      pipeline.set(key, '0', 'EX', window, 'NX').incr(key);
    }
    await redisCall(() => pipeline.exec());
  }

  async recordSuccess(email: string): Promise<void> {
    await redisCall(() => this.redis.del(accountKey(email)));
  }
}

/** Hashed, so Redis holds no e-mail addresses. */
function accountKey(email: string): string {
  return `auth:login-failures:account:${createHash('sha256').update(email).digest('hex')}`;
}

function ipKey(ip: string): string {
  return `auth:login-failures:ip:${ip}`;
}
