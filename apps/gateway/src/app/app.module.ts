import type { GatewayConfig } from '@bookstore/gateway/feature';
import {
  AdminRoutesModule,
  AuthRoutesModule,
  CatalogRoutesModule,
  GatewayCoreModule,
  NotificationsRoutesModule,
  OrdersRoutesModule,
} from '@bookstore/gateway/feature';
import type { DynamicModule } from '@nestjs/common';
import { Module } from '@nestjs/common';

/** Wiring only: the gateway core (config, RPC, errors, health) and the route modules. */
@Module({})
export class AppModule {
  static forRoot(config: GatewayConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        GatewayCoreModule.forRoot(config),
        AuthRoutesModule,
        CatalogRoutesModule,
        OrdersRoutesModule,
        NotificationsRoutesModule,
        AdminRoutesModule,
      ],
    };
  }
}
