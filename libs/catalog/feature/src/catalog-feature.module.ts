import { eventsConsumedBy } from '@bookstore/shared/contracts';
import { OutboxModule } from '@bookstore/shared/persistence';
import type { DynamicModule } from '@nestjs/common';
import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';

import { BookCacheService } from './adapters/book-cache.service';
import { RedisCacheAdapter } from './adapters/redis-cache.adapter';
import { CACHE_PORT, CATALOG_CONFIG } from './catalog.tokens';
import { AdjustStockHandler } from './commands/adjust-stock/adjust-stock.handler';
import { CreateBookHandler } from './commands/create-book/create-book.handler';
import { DeleteBookHandler } from './commands/delete-book/delete-book.handler';
import { UpdateBookHandler } from './commands/update-book/update-book.handler';
import type { CatalogConfig } from './config/catalog.config';
import { ReleaseStockHandler } from './events/release-stock/release-stock.handler';
import { ReserveStockHandler } from './events/reserve-stock/reserve-stock.handler';
import { Book, BookSchema } from './persistence/book.schema';
import { BooksRepository } from './persistence/books.repository';
import { ReservationRepository } from './persistence/reservation.repository';
import { StockLedger } from './persistence/stock-ledger';
import { StockReservation, StockReservationSchema } from './persistence/stock-reservation.schema';
import { GetBookHandler } from './queries/get-book/get-book.handler';
import { ListBooksHandler } from './queries/list-books/list-books.handler';
import { LookupBooksHandler } from './queries/lookup-books/lookup-books.handler';
import { DemoBooksSeeder } from './seed/demo-books.seeder';
import { CatalogEventsController } from './transport/catalog-events.controller';
import { CatalogRpcController } from './transport/catalog-rpc.controller';

/** Event types the catalog service consumes (their EventDoc names it); its events queue is bound to exactly these. */
export const CATALOG_SUBSCRIPTIONS: readonly string[] = eventsConsumedBy('catalog');

const MODELS = MongooseModule.forFeature([
  { name: Book.name, schema: BookSchema },
  { name: StockReservation.name, schema: StockReservationSchema },
]);

/**
 * The catalog service's use cases, repositories and Redis cache. Books (`book.*`) and
 * reservations (`stock.*`) carry outboxes, published by one relay. Needs the service runtime's
 * MongoDB connection and `OUTBOX_PUBLISHER` (`ServiceCoreModule`).
 */
@Module({})
export class CatalogFeatureModule {
  static forRoot(config: CatalogConfig): DynamicModule {
    return {
      module: CatalogFeatureModule,
      imports: [MODELS, OutboxModule.forFeature([Book.name, StockReservation.name], [MODELS])],
      controllers: [CatalogRpcController, CatalogEventsController],
      providers: [
        { provide: CATALOG_CONFIG, useValue: config },
        {
          provide: CACHE_PORT,
          useFactory: () => RedisCacheAdapter.connect(config.REDIS_URL, config.CATALOG_CACHE_TIMEOUT_MS),
        },
        BookCacheService,
        BooksRepository,
        ReservationRepository,
        StockLedger,
        ListBooksHandler,
        GetBookHandler,
        LookupBooksHandler,
        CreateBookHandler,
        UpdateBookHandler,
        DeleteBookHandler,
        AdjustStockHandler,
        ReserveStockHandler,
        ReleaseStockHandler,
        DemoBooksSeeder,
      ],
    };
  }
}
