import type { PricedOrder } from '@bookstore/orders/domain';
import { idempotencyKeyId, placeOrderRequestHash, priceOrder } from '@bookstore/orders/domain';
import type {
  Actor,
  IdempotentReply,
  OrderDto,
  OrderLineInputDto,
  PlaceOrderCommand,
} from '@bookstore/shared/contracts';
import { RequestContext } from '@bookstore/shared/platform';
import { Injectable } from '@nestjs/common';
import { Types } from 'mongoose';

import { CatalogBooksClient } from '../../adapters/catalog-books.client';
import { idempotencyKeyReused } from '../../orders.errors';
import type { IdempotencyKeyRecord } from '../../persistence/idempotency-key.repository';
import { IdempotencyKeyRepository } from '../../persistence/idempotency-key.repository';
import { OrderRepository } from '../../persistence/order.repository';
import { toOrderDto } from '../../persistence/to-order-dto';
import { VerifiedEmailPolicy } from './verified-email.policy';

/**
 * Places an order: prices it from the catalog and stores it PENDING (the repository stores
 * `order.created` with it, in the same insert), and the saga takes over.
 *
 * With an `Idempotency-Key`, the key is bound to the request (its hash) and to the id of the
 * order it places (idempotency-key.repository.ts): a repeat with the same body answers with that
 * order, marked replayed, and places nothing; a repeat with another body is a 422. Racing
 * requests with one key and one body store one order, and each answers with it. A request past its
 * deadline (its caller answered 504 while the catalog priced it) claims no key and stores nothing.
 */
@Injectable()
export class PlaceOrderHandler {
  constructor(
    private readonly orders: OrderRepository,
    private readonly keys: IdempotencyKeyRepository,
    private readonly catalog: CatalogBooksClient,
    // Off unless the module provides it on (ORDERS_REQUIRE_VERIFIED_EMAIL).
    private readonly emailPolicy: VerifiedEmailPolicy = new VerifiedEmailPolicy(false),
  ) {}

  async execute(actor: Actor, command: PlaceOrderCommand): Promise<IdempotentReply<OrderDto>> {
    this.emailPolicy.assertMayOrder(actor);
    const { idempotencyKey: key, items } = command;
    if (key === undefined) return this.store(actor, newOrderId(), await this.price(items));

    const keyId = idempotencyKeyId(actor.userId, key);
    const requestHash = placeOrderRequestHash(items);
    const earlier = await this.keys.findLive(keyId);
    if (earlier) {
      requireSameRequest(earlier, requestHash);
      const order = await this.orders.findById(earlier.orderId);
      if (order) return { result: toOrderDto(order), replayed: true };
      // The key names an order not stored yet: its first request is still pricing, or crashed
      // before the insert. This request stores it under the same id; of the two, one insert wins.
    }
    // Priced before a new key is claimed: a request the catalog refuses (unknown book) binds no key.
    const priced = await this.price(items);
    RequestContext.assertWithinDeadline();
    const holder =
      earlier ??
      (await this.keys.claim({ id: keyId, userId: actor.userId, requestHash, orderId: newOrderId() }));
    requireSameRequest(holder, requestHash);
    return this.store(actor, holder.orderId, priced);
  }

  private async price(items: readonly OrderLineInputDto[]): Promise<PricedOrder> {
    const quotes = await this.catalog.quotes(items.map((line) => line.bookId));
    return priceOrder(items, quotes);
  }

  private async store(actor: Actor, id: string, priced: PricedOrder): Promise<IdempotentReply<OrderDto>> {
    // Pricing asked the catalog: the caller may have given up meanwhile, and then retries.
    RequestContext.assertWithinDeadline();
    const created = await this.orders.insert({ id, userId: actor.userId, ...priced });
    if (created) return { result: toOrderDto(created), replayed: false };
    // The id is taken: a request with the same key and body stored the order first.
    const winner = await this.orders.findById(id);
    if (!winner) throw new Error(`order ${id}: its id is taken, but no order holds it`);
    return { result: toOrderDto(winner), replayed: true };
  }
}

function requireSameRequest(key: IdempotencyKeyRecord, requestHash: string): void {
  if (key.requestHash !== requestHash) throw idempotencyKeyReused();
}

function newOrderId(): string {
  return new Types.ObjectId().toHexString();
}
