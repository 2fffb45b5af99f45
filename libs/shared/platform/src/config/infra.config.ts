import { IsBoolean, IsIn, IsString, Matches } from 'class-validator';

import { HasProductionCredentials, IsConnectionUrl } from './production-rules';

export const LOG_LEVELS = ['error', 'warn', 'info', 'debug'] as const;
export type LogLevelName = (typeof LOG_LEVELS)[number];

/**
 * Variables every service shares. The defaults are the development defaults, documented in the
 * README; production sets every one of them, and with NODE_ENV=production a connection URL with a
 * placeholder password or a server's default credentials (the AMQP default's guest:guest) stops it.
 */
export class InfraConfig {
  @Matches(/^mongodb(\+srv)?:\/\//, { message: 'must be a mongodb:// URL' })
  @HasProductionCredentials()
  MONGO_URL = 'mongodb://127.0.0.1:27017';

  /**
   * Every RabbitMQ node, comma-separated (one URL for a single node): connections try them in turn
   * and move to a surviving node when theirs goes down.
   */
  @IsConnectionUrl(['amqp', 'amqps'])
  @HasProductionCredentials()
  AMQP_URL: string[] = ['amqp://guest:guest@127.0.0.1:5672'];

  @IsConnectionUrl(['redis', 'rediss'])
  @HasProductionCredentials()
  REDIS_URL = 'redis://127.0.0.1:6379';

  @IsIn(LOG_LEVELS)
  LOG_LEVEL: LogLevelName = 'info';

  @IsString()
  NODE_ENV = 'development';

  /**
   * Whether the process runs a memory-reducing collection after an idle spell (IdleMemoryRelease):
   * it gives back the heap pages a load grew into, at the cost of one pause of a fraction of a
   * second while idle. `false` keeps them resident and never pauses.
   */
  @IsBoolean()
  MEMORY_RELEASE_ON_IDLE = true;
}
