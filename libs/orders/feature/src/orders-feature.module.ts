import { eventsConsumedBy } from '@bookstore/shared/contracts';
import { RpcClient } from '@bookstore/shared/messaging';
import { OutboxModule } from '@bookstore/shared/persistence';
import type { DynamicModule } from '@nestjs/common';
import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';

import { CatalogBooksClient } from './adapters/catalog-books.client';
import { CancelOrderHandler } from './commands/cancel-order/cancel-order.handler';
import { ExpireOrdersHandler } from './commands/expire-orders/expire-orders.handler';
import { PlaceOrderHandler } from './commands/place-order/place-order.handler';
import { VerifiedEmailPolicy } from './commands/place-order/verified-email.policy';
import { UpdateOrderStatusHandler } from './commands/update-order-status/update-order-status.handler';
import type { OrdersConfig } from './config/orders.config';
import { ConfirmOrderHandler } from './events/confirm-order/confirm-order.handler';
import { RejectOrderHandler } from './events/reject-order/reject-order.handler';
import { CATALOG_RPC, ORDERS_CONFIG } from './orders.tokens';
import { IdempotencyKeyRepository } from './persistence/idempotency-key.repository';
import { IdempotencyKey, IdempotencyKeySchema } from './persistence/idempotency-key.schema';
import { LegacyOrderIndexes } from './persistence/legacy-order-indexes';
import { OrderRepository } from './persistence/order.repository';
import { Order, OrderSchema } from './persistence/order.schema';
import { GetOrderHandler } from './queries/get-order/get-order.handler';
import { ListOrdersHandler } from './queries/list-orders/list-orders.handler';
import { OrdersEventsController } from './transport/orders-events.controller';
import { OrdersRpcController } from './transport/orders-rpc.controller';
import { SagaDeadlineScheduler } from './transport/saga-deadline.scheduler';

/** Event types the orders service consumes (their EventDoc names it); its events queue is bound to exactly these. */
export const ORDERS_SUBSCRIPTIONS: readonly string[] = eventsConsumedBy('orders');

const MODELS = MongooseModule.forFeature([
  { name: Order.name, schema: OrderSchema },
  { name: IdempotencyKey.name, schema: IdempotencyKeySchema },
]);

/**
 * The orders service's use cases, their repository and the catalog client. Needs the service
 * runtime's MongoDB connection and `OUTBOX_PUBLISHER` (`ServiceCoreModule`).
 */
@Module({})
export class OrdersFeatureModule {
  static forRoot(config: OrdersConfig): DynamicModule {
    return {
      module: OrdersFeatureModule,
      imports: [MODELS, OutboxModule.forFeature([Order.name], [MODELS])],
      controllers: [OrdersRpcController, OrdersEventsController],
      providers: [
        { provide: ORDERS_CONFIG, useValue: config },
        {
          provide: CATALOG_RPC,
          useFactory: () => new RpcClient(config.AMQP_URL, config.CATALOG_RPC_TIMEOUT_MS),
        },
        CatalogBooksClient,
        OrderRepository,
        IdempotencyKeyRepository,
        LegacyOrderIndexes,
        {
          provide: VerifiedEmailPolicy,
          useFactory: () => new VerifiedEmailPolicy(config.requiresVerifiedEmail()),
        },
        PlaceOrderHandler,
        CancelOrderHandler,
        UpdateOrderStatusHandler,
        GetOrderHandler,
        ListOrdersHandler,
        ConfirmOrderHandler,
        RejectOrderHandler,
        ExpireOrdersHandler,
        SagaDeadlineScheduler,
      ],
    };
  }
}
