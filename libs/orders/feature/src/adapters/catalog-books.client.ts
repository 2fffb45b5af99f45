import type { BookQuote } from '@bookstore/orders/domain';
import type { BookSummary, LookupBooksRequest } from '@bookstore/shared/contracts';
import { CATALOG_PATTERNS } from '@bookstore/shared/contracts';
import { RpcClient } from '@bookstore/shared/messaging';
import { Inject, Injectable } from '@nestjs/common';

import { CATALOG_RPC } from '../orders.tokens';

/**
 * Asks the catalog, directly over RabbitMQ request/reply, for the current title and price of the
 * books of a new order. The catalog is the source of truth; the order keeps a snapshot.
 */
@Injectable()
export class CatalogBooksClient {
  constructor(@Inject(CATALOG_RPC) private readonly rpc: RpcClient) {}

  async quotes(ids: string[]): Promise<BookQuote[]> {
    const books = await this.rpc.send<BookSummary[], LookupBooksRequest>(
      'catalog',
      CATALOG_PATTERNS.lookupBooks,
      {
        ids,
      },
    );
    return books.map(({ id, title, priceCents }) => ({ id, title, priceCents }));
  }
}
