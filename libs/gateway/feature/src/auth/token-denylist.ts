import { REDIS_CLIENT } from '@bookstore/shared/platform';
import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';

import { redisCall } from './redis-call';

const PREFIX = 'auth:denylist:';

/**
 * Access tokens revoked before they expire (logout), by `jti`, shared by every gateway instance.
 * An entry lives exactly as long as the token would have, so the list never grows unbounded.
 */
@Injectable()
export class TokenDenylist {
  constructor(@Inject(REDIS_CLIENT) private readonly redis: Redis) {}

  async add(jti: string, expiresAtSeconds: number): Promise<void> {
    const ttl = Math.max(1, Math.ceil(expiresAtSeconds - Date.now() / 1000));
    await redisCall(() => this.redis.set(PREFIX + jti, '1', 'EX', ttl));
  }

  async has(jti: string): Promise<boolean> {
    return (await redisCall(() => this.redis.exists(PREFIX + jti))) === 1;
  }
}
