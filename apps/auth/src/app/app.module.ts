import type { AuthConfig } from '@bookstore/auth/feature';
import { AuthFeatureModule } from '@bookstore/auth/feature';
import { ServiceCoreModule } from '@bookstore/shared/runtime';
import type { DynamicModule } from '@nestjs/common';
import { Module } from '@nestjs/common';

/** Wiring only: the shared service core plus the auth feature. */
@Module({})
export class AppModule {
  static forRoot(config: AuthConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ServiceCoreModule.forRoot({
          service: 'auth',
          mongoUrl: config.MONGO_URL,
          mongoDb: config.AUTH_MONGO_DB,
          amqpUrls: config.AMQP_URL,
          releaseMemoryWhenIdle: config.MEMORY_RELEASE_ON_IDLE,
          redisUrl: config.REDIS_URL,
          ownSigningKeys: true,
        }),
        AuthFeatureModule.forRoot(config),
      ],
    };
  }
}
