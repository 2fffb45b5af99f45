import type { NotificationsConfig } from '@bookstore/notifications/feature';
import { NotificationsFeatureModule } from '@bookstore/notifications/feature';
import { ServiceCoreModule } from '@bookstore/shared/runtime';
import type { DynamicModule } from '@nestjs/common';
import { Module } from '@nestjs/common';

/** Wiring only: the shared service core plus the notifications feature. */
@Module({})
export class AppModule {
  static forRoot(config: NotificationsConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ServiceCoreModule.forRoot({
          service: 'notifications',
          mongoUrl: config.MONGO_URL,
          mongoDb: config.NOTIFICATIONS_MONGO_DB,
          amqpUrls: config.AMQP_URL,
          releaseMemoryWhenIdle: config.MEMORY_RELEASE_ON_IDLE,
        }),
        NotificationsFeatureModule.forRoot(config),
      ],
    };
  }
}
