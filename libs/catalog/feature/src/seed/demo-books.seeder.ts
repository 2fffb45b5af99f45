import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';

import { normalizeIsbn } from '@bookstore/catalog/domain';
import type { OnApplicationBootstrap } from '@nestjs/common';
import { Inject, Injectable, Logger } from '@nestjs/common';

import { BookCacheService } from '../adapters/book-cache.service';
import { CATALOG_CONFIG } from '../catalog.tokens';
import type { CatalogConfig } from '../config/catalog.config';
import { shouldSeedDemo } from '../config/catalog.config';
import type { NewBookInput } from '../persistence/book.mapper';
import { toNewBook } from '../persistence/book.mapper';
import { BooksRepository } from '../persistence/books.repository';

interface DemoBook extends NewBookInput {
  isbn: string;
}

/**
 * Puts the demo books (tools/seed/books.json) into an empty catalog at start, each with its
 * `book.created` through the repository. Safe with several instances starting at once: the unique
 * ISBN index turns a second insert of a book into a no-op. "Empty" is asked with `exists`, never
 * with a count estimate (DocumentDB's may be approximate). A failure is logged and never stops the
 * service.
 */
@Injectable()
export class DemoBooksSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger(DemoBooksSeeder.name);

  constructor(
    private readonly books: BooksRepository,
    @Inject(CATALOG_CONFIG) private readonly config: CatalogConfig,
    private readonly cache: BookCacheService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!shouldSeedDemo(this.config)) return;
    try {
      if (await this.books.hasAny()) return;
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
      // null: another instance seeded this ISBN meanwhile.
      if (await this.books.create(toNewBook(entry, isbn))) inserted++;
    }
    if (inserted) await this.cache.listsChanged();
    return inserted;
  }
}
