import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';

import { normalizeIsbn } from '@bookstore/catalog/domain';
import { BOOK_CREATED } from '@bookstore/shared/contracts';
import { createEnvelope, OutboxRelay } from '@bookstore/shared/messaging';
import type { OnApplicationBootstrap } from '@nestjs/common';
import { Inject, Injectable, Logger } from '@nestjs/common';

import type { NewBookInput } from '../books/book.mapper';
import { toBookSnapshot, toNewBook } from '../books/book.mapper';
import { BooksRepository } from '../books/books.repository';
import { BookCacheService } from '../cache/book-cache.service';
import { CATALOG_CONFIG, CATALOG_OUTBOX } from '../catalog.tokens';
import type { CatalogConfig } from '../config/catalog.config';
import { shouldSeedDemo } from '../config/catalog.config';

interface DemoBook extends NewBookInput {
  isbn: string;
}

/**
 * Puts the demo books (tools/seed/books.json) into an empty catalog at start. Safe with several
 * instances starting at once: the unique ISBN index turns a second insert of a book into a no-op.
 * A failure is logged and never stops the service.
 */
@Injectable()
export class DemoBooksSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger(DemoBooksSeeder.name);

  constructor(
    private readonly books: BooksRepository,
    @Inject(CATALOG_CONFIG) private readonly config: CatalogConfig,
    @Inject(CATALOG_OUTBOX) private readonly relay: OutboxRelay,
    private readonly cache: BookCacheService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!shouldSeedDemo(this.config)) return;
    try {
      if (!(await this.books.isEmpty())) return;
      const inserted = await this.seed(await this.load());
      this.logger.log({ msg: 'demo books seeded', inserted });
    } catch (error) {
      this.logger.warn({
        msg: 'demo books not seeded',
        error: error instanceof Error ? error.message : String(error),
      });
    }
  }

  private async load(): Promise<DemoBook[]> {
    const text = await readFile(resolve(process.cwd(), this.config.CATALOG_SEED_FILE), 'utf8');
    return JSON.parse(text) as DemoBook[];
  }

  private async seed(demo: DemoBook[]): Promise<number> {
    let inserted = 0;
    for (const entry of demo) {
      const isbn = normalizeIsbn(entry.isbn);
      if (!isbn) {
        this.logger.warn({ msg: 'demo book skipped: invalid ISBN', isbn: entry.isbn });
        continue;
      }
      const id = this.books.newId();
      const book = toNewBook(entry, isbn);
      // false: another instance seeded this ISBN meanwhile.
      const created = await this.books.insert(
        id,
        book,
        createEnvelope(BOOK_CREATED, toBookSnapshot(id.toHexString(), book)),
      );
      if (created) inserted++;
    }
    if (inserted) {
      this.relay.kick();
      await this.cache.listsChanged();
    }
    return inserted;
  }
}
