import { IsIn, IsString, Matches } from 'class-validator';

export const LOG_LEVELS = ['error', 'warn', 'info', 'debug'] as const;
export type LogLevelName = (typeof LOG_LEVELS)[number];

/**
 * Variables every service shares. The defaults are the development defaults, documented in the
 * README; production sets every one of them.
 */
export class InfraConfig {
  @Matches(/^mongodb(\+srv)?:\/\//, { message: 'must be a mongodb:// URL' })
  MONGO_URL = 'mongodb://127.0.0.1:27017';

  @Matches(/^amqps?:\/\//, { message: 'must be an amqp:// URL' })
  AMQP_URL = 'amqp://guest:guest@127.0.0.1:5672';

  @Matches(/^rediss?:\/\//, { message: 'must be a redis:// URL' })
  REDIS_URL = 'redis://127.0.0.1:6379';

  @IsIn(LOG_LEVELS)
  LOG_LEVEL: LogLevelName = 'info';

  @IsString()
  NODE_ENV = 'development';
}
