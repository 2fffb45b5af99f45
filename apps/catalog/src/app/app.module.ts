import type { CatalogConfig } from '@bookstore/catalog/feature';
import { CatalogFeatureModule } from '@bookstore/catalog/feature';
import { ServiceCoreModule } from '@bookstore/shared/runtime';
import type { DynamicModule } from '@nestjs/common';
import { Module } from '@nestjs/common';

/** Wiring only: the shared service core plus the catalog feature. */
@Module({})
export class AppModule {
  static forRoot(config: CatalogConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ServiceCoreModule.forRoot({
          service: 'catalog',
          mongoUrl: config.MONGO_URL,
          mongoDb: config.CATALOG_MONGO_DB,
          amqpUrls: config.AMQP_URL,
          releaseMemoryWhenIdle: config.MEMORY_RELEASE_ON_IDLE,
          redisUrl: config.REDIS_URL,
        }),
        CatalogFeatureModule.forRoot(config),
      ],
    };
  }
}
