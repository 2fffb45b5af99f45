import type { BookDto, EventEnvelope, OrderLinePayload } from '@bookstore/shared/contracts';
import { BOOK_DELETED, BOOK_UPDATED, STOCK_RELEASED, STOCK_RESERVED } from '@bookstore/shared/contracts';
import type { OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { Inject, Injectable, Logger } from '@nestjs/common';

import { ReadCache } from '../cache/read-cache';
import type { GatewayConfig } from '../config/gateway.config';
import { GATEWAY_CONFIG } from '../config/gateway.config';
import { BroadcastSubscription } from '../events/broadcast-subscription';

/** Every event after which a book reads differently: its fields, its stock, its existence. */
export const BOOK_CHANGE_EVENTS = [BOOK_UPDATED, BOOK_DELETED, STOCK_RESERVED, STOCK_RELEASED] as const;

/**
 * `GET /books/:id` answered from this gateway instance's memory: the hot read then costs no
 * RabbitMQ round trip (docs/BENCHMARKS.md has the figures). Kept right by the catalog's own events
 * (a BroadcastSubscription to BOOK_CHANGE_EVENTS) and by the writes this instance forwards, which
 * invalidate before they answer, so a client that changed a book reads its change at once.
 * Another instance's copy follows within the event's delivery time. When the event stream is lost
 * (broker restart) the cache empties and reads go to the catalog until the queue is bound again.
 */
@Injectable()
export class BookCache implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(BookCache.name);
  /** Books as the JSON the client receives: serialised once when cached, not on every read. */
  private readonly cache: ReadCache<string>;
  private readonly subscription: BroadcastSubscription;
  /** BOOK_CACHE_MAX_ENTRIES=0 turns the cache off: every read asks the catalog. */
  private readonly wanted: boolean;

  constructor(@Inject(GATEWAY_CONFIG) config: GatewayConfig) {
    this.wanted = config.BOOK_CACHE_MAX_ENTRIES > 0;
    this.cache = new ReadCache<string>({
      name: 'book',
      ttlMs: config.BOOK_CACHE_TTL_MS,
      maxEntries: config.BOOK_CACHE_MAX_ENTRIES,
    });
    this.subscription = new BroadcastSubscription(config.AMQP_URL, BOOK_CHANGE_EVENTS, {
      onEvent: (envelope) => this.onChange(envelope),
      onBound: () => this.cache.enable(),
      onLost: () => {
        this.logger.warn({ msg: 'book change events lost: book cache off until reconnected' });
        this.cache.disable();
      },
    });
  }

  onModuleInit(): void {
    if (this.wanted) this.subscription.start();
  }

  async onApplicationShutdown(): Promise<void> {
    this.cache.disable();
    await this.subscription.stop();
  }

  /** Book `id` as its JSON text, from memory or from `load`. */
  getJson(id: string, load: () => Promise<BookDto>): Promise<string> {
    return this.cache.get(id, async () => JSON.stringify(await load()));
  }

  /** Book `id` as its JSON text when it is in memory, without waiting; else undefined. */
  peekJson(id: string): string | undefined {
    return this.cache.peek(id);
  }

  /** Runs a write of book `id` and forgets the cached copy before the caller sees the answer. */
  async writing<T>(id: string, write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } finally {
      // Also after a failure: a timed-out write may still have happened.
      this.cache.invalidate(id);
    }
  }

  private onChange(envelope: EventEnvelope): void {
    const payload = envelope.payload as { bookId?: string; items?: OrderLinePayload[] };
    if (payload.bookId) this.cache.invalidate(payload.bookId);
    for (const line of payload.items ?? []) this.cache.invalidate(line.bookId);
  }
}
