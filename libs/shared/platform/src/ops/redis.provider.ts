import type { Provider } from '@nestjs/common';
import { Redis } from 'ioredis';

import { REDIS_CLIENT } from './ops.tokens';

/**
 * One ioredis client per app for counters, denylists and health. It never queues commands while
 * disconnected, so a Redis outage fails fast instead of hanging requests.
 */
export function redisClientProvider(url: string): Provider {
  return {
    provide: REDIS_CLIENT,
    useFactory: () =>
      new Redis(url, {
        enableOfflineQueue: false,
        maxRetriesPerRequest: 1,
        connectTimeout: 2000,
        lazyConnect: false,
      }),
  };
}
