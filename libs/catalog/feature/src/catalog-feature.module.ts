import { ORDER_CANCELLED, ORDER_CREATED } from '@bookstore/shared/contracts';
import { InboxModule, lockedOutboxRelayProvider } from '@bookstore/shared/messaging';
import type { DynamicModule, Provider } from '@nestjs/common';
import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';

import { Book, BookSchema } from './books/book.schema';
import { BookWriter } from './books/book-writer';
import { BooksRepository } from './books/books.repository';
import { BooksRpcController } from './books/books-rpc.controller';
import { BookCacheService } from './cache/book-cache.service';
import { RedisCacheAdapter } from './cache/redis-cache.adapter';
import { CACHE_PORT, CATALOG_CONFIG, CATALOG_OUTBOX } from './catalog.tokens';
import { bookLock, reservationLock } from './catalog-locks';
import { AdjustStockHandler } from './commands/adjust-stock/adjust-stock.handler';
import { CreateBookHandler } from './commands/create-book/create-book.handler';
import { DeleteBookHandler } from './commands/delete-book/delete-book.handler';
import { UpdateBookHandler } from './commands/update-book/update-book.handler';
import type { CatalogConfig } from './config/catalog.config';
import { GetBookHandler } from './queries/get-book/get-book.handler';
import { ListBooksHandler } from './queries/list-books/list-books.handler';
import { LookupBooksHandler } from './queries/lookup-books/lookup-books.handler';
import { ReleaseStockHandler } from './reservations/release-stock.handler';
import { ReservationStore } from './reservations/reservation-store';
import { ReserveStockHandler } from './reservations/reserve-stock.handler';
import { StockEventsController } from './reservations/stock-events.controller';
import { StockLedger } from './reservations/stock-ledger';
import { StockReservation, StockReservationSchema } from './reservations/stock-reservation.schema';
import { DemoBooksSeeder } from './seed/demo-books.seeder';

/** Event types the catalog service consumes; its events queue is bound to exactly these. */
export const CATALOG_SUBSCRIPTIONS: readonly string[] = [ORDER_CREATED, ORDER_CANCELLED];

/** The persistence, cache and use cases of the catalog, without the transport controllers. */
export const CATALOG_PROVIDERS: Provider[] = [
  BooksRepository,
  BookCacheService,
  BookWriter,
  ListBooksHandler,
  GetBookHandler,
  LookupBooksHandler,
  CreateBookHandler,
  UpdateBookHandler,
  DeleteBookHandler,
  AdjustStockHandler,
  ReservationStore,
  StockLedger,
  ReserveStockHandler,
  ReleaseStockHandler,
];

/** The Mongoose models of the catalog. */
export const CATALOG_MODELS = MongooseModule.forFeature([
  { name: Book.name, schema: BookSchema },
  { name: StockReservation.name, schema: StockReservationSchema },
]);

/** One relay publishes the outboxes of books (book.*) and reservations (stock.*), under their locks. */
export const catalogOutboxProvider: Provider = lockedOutboxRelayProvider(CATALOG_OUTBOX, [
  { model: Book.name, lockKey: bookLock },
  { model: StockReservation.name, lockKey: reservationLock },
]);

/** The catalog service's use cases: message handlers, persistence and domain wiring. */
@Module({})
export class CatalogFeatureModule {
  static forRoot(config: CatalogConfig): DynamicModule {
    return {
      module: CatalogFeatureModule,
      imports: [CATALOG_MODELS, InboxModule],
      controllers: [BooksRpcController, StockEventsController],
      providers: [
        { provide: CATALOG_CONFIG, useValue: config },
        {
          provide: CACHE_PORT,
          useFactory: () => RedisCacheAdapter.connect(config.REDIS_URL, config.CATALOG_CACHE_TIMEOUT_MS),
        },
        catalogOutboxProvider,
        ...CATALOG_PROVIDERS,
        DemoBooksSeeder,
      ],
    };
  }
}
