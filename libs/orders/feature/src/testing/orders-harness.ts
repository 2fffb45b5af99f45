/**
 * The orders' integration harness (spec-only: excluded from the lib build): the service's own
 * module, controllers and outbox relay on a throwaway MongoDB database. The relay publishes to an
 * in-memory publisher: what it records is exactly what the broker would have been asked to
 * publish, and nothing leaks onto the shared RabbitMQ where running services would consume it.
 * The module is compiled, not initialised: the relay's sweep is not started, so every publish
 * comes from a write's hand-off, or from `flush()` where a spec asks for it. The catalog answers locally: every book costs 1000 cents.
 */
import { randomUUID } from 'node:crypto';

import type { Actor } from '@bookstore/shared/contracts';
import { Role } from '@bookstore/shared/contracts';
import { OutboxRelay } from '@bookstore/shared/persistence';
import { RecordingPublisher } from '@bookstore/shared/testing';
import { getConnectionToken, getModelToken, MongooseModule } from '@nestjs/mongoose';
import type { TestingModule } from '@nestjs/testing';
import { Test } from '@nestjs/testing';
import type { Connection, Model } from 'mongoose';
import { Types } from 'mongoose';

import { CatalogBooksClient } from '../adapters/catalog-books.client';
import { OrdersConfig } from '../config/orders.config';
import { OrdersFeatureModule } from '../orders-feature.module';
import { IdempotencyKey } from '../persistence/idempotency-key.schema';
import { Order } from '../persistence/order.schema';
import { OrdersEventsController } from '../transport/orders-events.controller';
import { OrdersRpcController } from '../transport/orders-rpc.controller';

const MONGO_URL = process.env['MONGO_URL'] ?? 'mongodb://127.0.0.1:27017';

export interface OrdersHarness {
  moduleRef: TestingModule;
  orders: Model<Order>;
  keys: Model<IdempotencyKey>;
  rpc: OrdersRpcController;
  events: OrdersEventsController;
  relay: OutboxRelay;
  publisher: RecordingPublisher;
}

/** The orders feature as the service wires it, on a fresh database. */
export async function startOrders(): Promise<OrdersHarness> {
  const publisher = new RecordingPublisher();
  const moduleRef = await Test.createTestingModule({
    imports: [
      MongooseModule.forRoot(MONGO_URL, { dbName: `orders_it_${randomUUID().slice(0, 8)}`, autoIndex: true }),
      publisher.module(),
      OrdersFeatureModule.forRoot(new OrdersConfig()),
    ],
  })
    .overrideProvider(CatalogBooksClient)
    .useValue({
      quotes: async (ids: string[]) => ids.map((id) => ({ id, title: `Book ${id}`, priceCents: 1000 })),
    })
    .compile();
  const orders = moduleRef.get<Model<Order>>(getModelToken(Order.name), { strict: false });
  const keys = moduleRef.get<Model<IdempotencyKey>>(getModelToken(IdempotencyKey.name), { strict: false });
  // The indexes must exist before requests race on them.
  await orders.init();
  await keys.init();
  return {
    moduleRef,
    orders,
    keys,
    rpc: moduleRef.get(OrdersRpcController, { strict: false }),
    events: moduleRef.get(OrdersEventsController, { strict: false }),
    relay: moduleRef.get(OutboxRelay, { strict: false }),
    publisher,
  };
}

export async function stopOrders(harness: OrdersHarness): Promise<void> {
  await harness.moduleRef.get<Connection>(getConnectionToken(), { strict: false }).dropDatabase();
  await harness.moduleRef.close();
}

/** A new customer. */
export const customer = (): Actor => ({ userId: new Types.ObjectId().toHexString(), roles: [Role.Customer] });
