import { DynamicModule, Module } from '@nestjs/common';

import { OrdersConfig } from './config/orders.config';

/** Event types the orders service consumes; its events queue is bound to exactly these. */
export const ORDERS_SUBSCRIPTIONS: readonly string[] = [];

/** The orders service's use cases: message handlers, persistence and domain wiring. */
@Module({})
export class OrdersFeatureModule {
  static forRoot(config: OrdersConfig): DynamicModule {
    return { module: OrdersFeatureModule, providers: [{ provide: 'CONFIG', useValue: config }] };
  }
}
