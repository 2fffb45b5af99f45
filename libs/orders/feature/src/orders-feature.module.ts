import { STOCK_REJECTED, STOCK_RESERVED } from '@bookstore/shared/contracts';
import { InboxModule, lockedOutboxRelayProvider, RpcClient } from '@bookstore/shared/messaging';
import type { DynamicModule } from '@nestjs/common';
import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';

import { CatalogBooksClient } from './catalog/catalog-books.client';
import { CancelOrderHandler } from './commands/cancel-order/cancel-order.handler';
import { PlaceOrderHandler } from './commands/place-order/place-order.handler';
import { UpdateOrderStatusHandler } from './commands/update-order-status/update-order-status.handler';
import type { OrdersConfig } from './config/orders.config';
import { CATALOG_RPC, ORDER_REPOSITORY, ORDERS_CONFIG, ORDERS_OUTBOX_RELAY } from './orders.tokens';
import { MongoOrderRepository, orderLock } from './persistence/mongo-order.repository';
import { Order, OrderSchema } from './persistence/order.schema';
import { GetOrderHandler } from './queries/get-order/get-order.handler';
import { ListOrdersHandler } from './queries/list-orders/list-orders.handler';
import { StockOutcomeHandler } from './saga/stock-outcome.handler';
import { OrderTransitionsService } from './transitions/order-transitions.service';
import { OrdersRpcController } from './transport/orders-rpc.controller';
import { StockEventsController } from './transport/stock-events.controller';

/** Event types the orders service consumes; its events queue is bound to exactly these. */
export const ORDERS_SUBSCRIPTIONS: readonly string[] = [STOCK_RESERVED, STOCK_REJECTED];

/** The orders service's use cases: message handlers, persistence and domain wiring. */
@Module({})
export class OrdersFeatureModule {
  static forRoot(config: OrdersConfig): DynamicModule {
    return {
      module: OrdersFeatureModule,
      imports: [MongooseModule.forFeature([{ name: Order.name, schema: OrderSchema }]), InboxModule],
      controllers: [OrdersRpcController, StockEventsController],
      providers: [
        { provide: ORDERS_CONFIG, useValue: config },
        { provide: ORDER_REPOSITORY, useClass: MongoOrderRepository },
        {
          provide: CATALOG_RPC,
          useFactory: () => new RpcClient(config.AMQP_URL, config.CATALOG_RPC_TIMEOUT_MS),
        },
        lockedOutboxRelayProvider(ORDERS_OUTBOX_RELAY, [{ model: Order.name, lockKey: orderLock }]),
        CatalogBooksClient,
        OrderTransitionsService,
        PlaceOrderHandler,
        ListOrdersHandler,
        GetOrderHandler,
        CancelOrderHandler,
        UpdateOrderStatusHandler,
        StockOutcomeHandler,
      ],
    };
  }
}
