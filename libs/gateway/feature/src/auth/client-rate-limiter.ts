import { REDIS_CLIENT } from '@bookstore/shared/platform';
import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';

import type { AuthRoutesConfig } from './auth-routes.config';
import { AUTH_ROUTES_CONFIG } from './auth-routes.tokens';
import { ClientAddressList } from './client-address';
import type { ClientRateLimitName, ClientRateLimitRule } from './client-rate-limits';
import { clientRateLimitRules } from './client-rate-limits';
import { redisCall } from './redis-call';
import { RedisScript } from './redis-script';
import { TooManyAttemptsError } from './too-many-attempts.error';

/**
 * Check and count in one step, so parallel requests cannot all read "under the limit": a request
 * over the limit is refused without being counted. Answers {1} when allowed, else {0, ttl}.
 */
const CONSUME = new RedisScript(`
local count = tonumber(redis.call('GET', KEYS[1]) or '0')
if count >= tonumber(ARGV[1]) then
  return {0, redis.call('TTL', KEYS[1])}
end
if redis.call('INCR', KEYS[1]) == 1 or redis.call('TTL', KEYS[1]) < 0 then
  redis.call('EXPIRE', KEYS[1], ARGV[2])
end
return {1, 0}
`);

/**
 * Per-client request limits in Redis, shared by every gateway instance. Clients listed in
 * RATE_LIMIT_EXEMPT_CLIENTS (monitoring, load generators) are not counted.
 */
@Injectable()
export class ClientRateLimiter {
  private readonly rules: Record<ClientRateLimitName, ClientRateLimitRule>;
  private readonly exempt: ClientAddressList;

  constructor(
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
    @Inject(AUTH_ROUTES_CONFIG) config: AuthRoutesConfig,
  ) {
    this.rules = clientRateLimitRules(config);
    this.exempt = new ClientAddressList(config.RATE_LIMIT_EXEMPT_CLIENTS);
  }

  /** Whether per-client limits apply to this client key (see clientKeyOf). */
  isExempt(client: string): boolean {
    return this.exempt.has(client);
  }

  /** Counts one request of `client` against limit `name`; TooManyAttemptsError when over it. */
  async consume(name: ClientRateLimitName, client: string): Promise<void> {
    if (this.isExempt(client)) return;
    const rule = this.rules[name];
    const [allowed, ttl] = (await redisCall(() =>
      CONSUME.run(this.redis, [`ratelimit:${name}:${client}`], [rule.max, rule.windowSeconds]),
    )) as [number, number];
    if (allowed !== 1) {
      throw new TooManyAttemptsError(
        ttl > 0 ? ttl : rule.windowSeconds,
        'AUTH.RATE_LIMITED',
        'Too many requests from this client; try again later',
      );
    }
  }
}
