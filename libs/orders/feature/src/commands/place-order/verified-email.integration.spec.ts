/**
 * Integration: with ORDERS_REQUIRE_VERIFIED_EMAIL on, the orders service refuses an order from a
 * caller whose token says the address is unverified, and stores nothing; a verified caller's order
 * is placed. Through the service's module and RPC controller, against the real MongoDB-compatible
 * server (the e2e system runs with the setting off, as every other spec orders as a fresh user).
 */
import { randomUUID } from 'node:crypto';

import type { Actor } from '@bookstore/shared/contracts';
import { OrderStatus, Role } from '@bookstore/shared/contracts';
import { RecordingPublisher } from '@bookstore/shared/testing';
import { getConnectionToken, getModelToken, MongooseModule } from '@nestjs/mongoose';
import type { TestingModule } from '@nestjs/testing';
import { Test } from '@nestjs/testing';
import type { Connection, Model } from 'mongoose';
import { Types } from 'mongoose';

import { CatalogBooksClient } from '../../adapters/catalog-books.client';
import { OrdersConfig } from '../../config/orders.config';
import { OrdersFeatureModule } from '../../orders-feature.module';
import { Order } from '../../persistence/order.schema';
import { OrdersRpcController } from '../../transport/orders-rpc.controller';

jest.setTimeout(120_000);

const MONGO_URL = process.env['MONGO_URL'] ?? 'mongodb://127.0.0.1:27017';
const BOOK = new Types.ObjectId().toHexString();

describe('placing an order with ORDERS_REQUIRE_VERIFIED_EMAIL on (real MongoDB)', () => {
  let moduleRef: TestingModule;
  let orders: Model<Order>;
  let rpc: OrdersRpcController;

  beforeAll(async () => {
    const config = Object.assign(new OrdersConfig(), { ORDERS_REQUIRE_VERIFIED_EMAIL: true });
    moduleRef = await Test.createTestingModule({
      imports: [
        MongooseModule.forRoot(MONGO_URL, {
          dbName: `orders_it_${randomUUID().slice(0, 8)}`,
          autoIndex: true,
        }),
        new RecordingPublisher().module(),
        OrdersFeatureModule.forRoot(config),
      ],
    })
      .overrideProvider(CatalogBooksClient)
      .useValue({
        quotes: async (ids: string[]) => ids.map((id) => ({ id, title: `Book ${id}`, priceCents: 1000 })),
      })
      .compile();
    orders = moduleRef.get<Model<Order>>(getModelToken(Order.name), { strict: false });
    await orders.init();
    rpc = moduleRef.get(OrdersRpcController, { strict: false });
  });

  afterAll(async () => {
    await moduleRef.get<Connection>(getConnectionToken(), { strict: false }).dropDatabase();
    await moduleRef.close();
  });

  const place = (actor: Actor) =>
    rpc.place({ actor, payload: { items: [{ bookId: BOOK, quantity: 1 }] } } as never);

  const customer = (emailVerified?: boolean): Actor => ({
    userId: new Types.ObjectId().toHexString(),
    roles: [Role.Customer],
    ...(emailVerified === undefined ? {} : { emailVerified }),
  });

  it('refuses an unverified caller, and a token without the claim, with 403 ORDER.EMAIL_NOT_VERIFIED', async () => {
    for (const actor of [customer(false), customer()]) {
      await expect(place(actor)).rejects.toMatchObject({
        code: 'ORDER.EMAIL_NOT_VERIFIED',
        kind: 'forbidden',
      });
      expect(await orders.countDocuments({ userId: actor.userId })).toBe(0);
    }
  });

  it('places the order of a verified caller', async () => {
    const actor = customer(true);
    const reply = (await place(actor)) as unknown as Record<string, unknown>;
    // The reply is the order, or the order wrapped with its idempotency outcome.
    const order = (reply['result'] ?? reply) as { status: string; userId: string };
    expect(order).toMatchObject({ status: OrderStatus.Pending, userId: actor.userId });
    expect(await orders.countDocuments({ userId: actor.userId })).toBe(1);
  });
});

describe('OrdersConfig.requiresVerifiedEmail', () => {
  it('defaults to on in production only, and follows the variable when set', () => {
    const config = (fields: Partial<OrdersConfig>) => Object.assign(new OrdersConfig(), fields);
    expect(config({ NODE_ENV: 'production' }).requiresVerifiedEmail()).toBe(true);
    expect(config({ NODE_ENV: 'development' }).requiresVerifiedEmail()).toBe(false);
    expect(config({ NODE_ENV: 'test' }).requiresVerifiedEmail()).toBe(false);
    expect(
      config({ NODE_ENV: 'production', ORDERS_REQUIRE_VERIFIED_EMAIL: false }).requiresVerifiedEmail(),
    ).toBe(false);
    expect(config({ NODE_ENV: 'test', ORDERS_REQUIRE_VERIFIED_EMAIL: true }).requiresVerifiedEmail()).toBe(
      true,
    );
  });
});
