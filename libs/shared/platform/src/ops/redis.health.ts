import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { Redis } from 'ioredis';

import { REDIS_CLIENT } from './ops.tokens';

/** Redis readiness: a PING answered within a second. */
@Injectable()
export class RedisHealthIndicator {
  constructor(
    private readonly indicators: HealthIndicatorService,
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
  ) {}

  async check(key = 'redis') {
    const indicator = this.indicators.check(key);
    try {
      const answer = await Promise.race([
        this.redis.ping(),
        new Promise<never>((_, reject) =>
          setTimeout(() => reject(new Error('no answer within 1000 ms')), 1000),
        ),
      ]);
      return answer === 'PONG' ? indicator.up() : indicator.down({ message: String(answer) });
    } catch (error) {
      return indicator.down({ message: error instanceof Error ? error.message : String(error) });
    }
  }
}
