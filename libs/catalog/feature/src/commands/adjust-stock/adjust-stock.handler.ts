import { stockAdjustmentKeyId } from '@bookstore/catalog/domain';
import type { Actor, AdjustStockRequest, BookDto, IdempotentReply } from '@bookstore/shared/contracts';
import { RequestContext } from '@bookstore/shared/platform';
import { Inject, Injectable } from '@nestjs/common';

import { BookCacheService } from '../../adapters/book-cache.service';
import { idempotencyKeyReused, insufficientStock } from '../../catalog.errors';
import { CATALOG_CONFIG } from '../../catalog.tokens';
import type { CatalogConfig } from '../../config/catalog.config';
import { toBookDto } from '../../persistence/book.mapper';
import type { Book, StockAdjustmentKey } from '../../persistence/book.schema';
import type { BookChanges } from '../../persistence/books.repository';
import { BooksRepository } from '../../persistence/books.repository';

const HOUR_MS = 3_600_000;

/**
 * `POST /books/:id/stock`: a restock (delta > 0) or write-off (delta < 0), with a `book.updated`
 * snapshot of the stock it leaves. A read-modify-write conditional on the book's revision
 * (`BooksRepository.edit`), which reservations bump too: the snapshot is what was stored, and a
 * write-off larger than what is on hand is a 409 `CATALOG.INSUFFICIENT_STOCK`.
 *
 * With an `Idempotency-Key` (scoped to the admin, as every key), the adjustment happens at most
 * once: the key, bound to its delta, is stored on the book (`adjustmentKeys`) in the same
 * revision-conditional update as the stock it changes. So one mechanism, the revision, decides:
 * of two racing requests with one key, one update matches, and the other reads the book again,
 * finds the key and replays. A crash cannot separate the key from its adjustment, which a record
 * in a collection of its own (as orders have) could not promise without a marker on the book
 * beside it. A repeat with the same delta answers with the book as it is now, marked replayed; with
 * another delta it is a 422. The key lives on the book it adjusted: the same key on another book
 * is another adjustment. Entries live CATALOG_IDEMPOTENCY_TTL_HOURS; expired ones count as absent
 * and the next keyed adjustment drops them, so a book holds at most the keys of one period (an
 * admin's, so few; a feed adjusting one book every minute keeps 1,440 entries, about 130 kB).
 * The stock markers and `stockOpsEpoch` are untouched: an adjustment moves no order's stock.
 * A request past its deadline (its caller answered 504) changes nothing, keyed or not.
 */
@Injectable()
export class AdjustStockHandler {
  private readonly ttlMs: number;

  constructor(
    private readonly books: BooksRepository,
    private readonly cache: BookCacheService,
    @Inject(CATALOG_CONFIG) config: CatalogConfig,
  ) {
    this.ttlMs = config.CATALOG_IDEMPOTENCY_TTL_HOURS * HOUR_MS;
  }

  async execute(actor: Actor, request: AdjustStockRequest): Promise<IdempotentReply<BookDto>> {
    const { id, delta, idempotencyKey } = request;
    const keyId =
      idempotencyKey === undefined ? undefined : stockAdjustmentKeyId(actor.userId, idempotencyKey);
    let replayed = false;
    const book = await this.books.edit(id, (current) => {
      const now = new Date();
      const live = (current.adjustmentKeys ?? []).filter((key) => key.expiresAt > now);
      const earlier = live.find((key) => key.id === keyId);
      // Asked again on every read: a lost race may find the key its twin stored meanwhile.
      replayed = earlier !== undefined;
      if (earlier) {
        if (earlier.delta !== delta) throw idempotencyKeyReused();
        return undefined;
      }
      // Checked on every read, right before the write: an admin whose request timed out retries
      // it, so the original must not add the stock a second time once its caller gave up.
      RequestContext.assertWithinDeadline();
      return this.adjusted(current, delta, live, keyId, now);
    });
    if (!replayed) await this.cache.bookChanged(id);
    return { result: toBookDto(book), replayed };
  }

  private adjusted(
    current: Book,
    delta: number,
    live: StockAdjustmentKey[],
    keyId: string | undefined,
    now: Date,
  ): BookChanges {
    const stock = current.stock + delta;
    if (stock < 0) throw insufficientStock(current.stock, delta);
    if (keyId === undefined) return { stock };
    const key = { id: keyId, delta, expiresAt: new Date(now.getTime() + this.ttlMs) };
    return { stock, adjustmentKeys: [...live, key] };
  }
}
