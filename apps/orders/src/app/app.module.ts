import type { OrdersConfig } from '@bookstore/orders/feature';
import { OrdersFeatureModule } from '@bookstore/orders/feature';
import { ServiceCoreModule } from '@bookstore/shared/runtime';
import type { DynamicModule } from '@nestjs/common';
import { Module } from '@nestjs/common';

/** Wiring only: the shared service core plus the orders feature. */
@Module({})
export class AppModule {
  static forRoot(config: OrdersConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ServiceCoreModule.forRoot({
          service: 'orders',
          mongoUrl: config.MONGO_URL,
          mongoDb: config.ORDERS_MONGO_DB,
          amqpUrls: config.AMQP_URL,
          releaseMemoryWhenIdle: config.MEMORY_RELEASE_ON_IDLE,
        }),
        OrdersFeatureModule.forRoot(config),
      ],
    };
  }
}
