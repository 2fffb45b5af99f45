import { createHash } from 'node:crypto';

import { REDIS_CLIENT } from '@bookstore/shared/platform';
import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';

import type { AuthRoutesConfig } from './auth-routes.config';
import { AUTH_ROUTES_CONFIG } from './auth-routes.tokens';
import { ClientRateLimiter } from './client-rate-limiter';
import { RESERVE_LOGIN_ATTEMPT, SETTLE_LOGIN_SUCCESS } from './login-throttle.scripts';
import { redisCall } from './redis-call';
import { TooManyAttemptsError } from './too-many-attempts.error';

/**
 * Brute-force protection for login, in Redis so every gateway instance shares it. An attempt is
 * reserved, counted as a failure, in one atomic script BEFORE the password is verified, so parallel
 * guesses cannot all pass a check that a slow argon2 verify has not yet raised; a success gives the
 * reservation back. Three budgets:
 * - per (account, client): LOGIN_BACKOFF_AFTER_FAILURES free failures, then a wait that doubles per
 *   further failure up to LOGIN_BACKOFF_MAX_SECONDS. An attacker slows only their own pair down: the
 *   owner from another client is not affected (no hard account lock anyone could trigger);
 * - per client across accounts (credential stuffing), unless the client is exempt;
 * - per account across clients, a high ceiling that refuses only clients that already failed on it.
 */
@Injectable()
export class LoginThrottle {
  constructor(
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
    @Inject(AUTH_ROUTES_CONFIG) private readonly config: AuthRoutesConfig,
    private readonly clientLimits: ClientRateLimiter,
  ) {}

  /** Reserves one attempt of `client` on `email`; TooManyAttemptsError (429, Retry-After) if none is left. */
  async reserve(email: string, client: string): Promise<void> {
    const c = this.config;
    const [allowed, retryAfterSeconds] = (await redisCall(() =>
      RESERVE_LOGIN_ATTEMPT.run(this.redis, this.keys(email, client), [
        Date.now(),
        c.LOGIN_BACKOFF_AFTER_FAILURES,
        c.LOGIN_BACKOFF_BASE_SECONDS * 1000,
        c.LOGIN_BACKOFF_MAX_SECONDS * 1000,
        c.LOGIN_FAILURE_WINDOW_SECONDS,
        this.clientLimits.isExempt(client) ? 0 : c.LOGIN_MAX_FAILURES_PER_CLIENT,
        c.LOGIN_MAX_FAILURES_PER_ACCOUNT,
      ]),
    )) as [number, number];
    if (allowed !== 1) throw new TooManyAttemptsError(retryAfterSeconds);
  }

  /** The reserved attempt logged in: the pair's back-off is cleared, the other budgets refunded. */
  async succeeded(email: string, client: string): Promise<void> {
    await redisCall(() => SETTLE_LOGIN_SUCCESS.run(this.redis, this.keys(email, client), []));
  }

  private keys(email: string, client: string): string[] {
    // Hashed, so Redis holds no e-mail addresses.
    const account = createHash('sha256').update(email).digest('hex');
    return [
      `auth:login:pair:${account}:${client}`,
      `auth:login:client:${client}`,
      `auth:login:account:${account}`,
    ];
  }
}
