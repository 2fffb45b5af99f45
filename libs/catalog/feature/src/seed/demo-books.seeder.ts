import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';

import { normalizeIsbn } from '@bookstore/catalog/domain';
import type { EventEnvelope } from '@bookstore/shared/contracts';
import { BOOK_CREATED } from '@bookstore/shared/contracts';
import { createEnvelope, OutboxRelay } from '@bookstore/shared/messaging';
import type { OnApplicationBootstrap } from '@nestjs/common';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, Types } from 'mongoose';

import { toBookSnapshot } from '../books/book.mapper';
import { Book } from '../books/book.schema';
import { BookCacheService } from '../cache/book-cache.service';
import { CATALOG_CONFIG, CATALOG_OUTBOX } from '../catalog.tokens';
import type { CatalogConfig } from '../config/catalog.config';
import { shouldSeedDemo } from '../config/catalog.config';

interface DemoBook {
  title: string;
  author: string;
  isbn: string;
  description?: string;
  genres?: string[];
  priceCents: number;
  stock?: number;
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
    @InjectModel(Book.name) private readonly books: Model<Book>,
    @Inject(CATALOG_CONFIG) private readonly config: CatalogConfig,
    @Inject(CATALOG_OUTBOX) private readonly relay: OutboxRelay,
    private readonly cache: BookCacheService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!shouldSeedDemo(this.config)) return;
    try {
      if ((await this.books.estimatedDocumentCount().exec()) > 0) return;
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
      const id = new Types.ObjectId();
      const book = {
        title: entry.title,
        author: entry.author,
        isbn,
        isbnKey: isbn,
        description: entry.description ?? '',
        genres: entry.genres ?? [],
        priceCents: entry.priceCents,
        stock: entry.stock ?? 0,
      };
      const outbox: EventEnvelope[] = [createEnvelope(BOOK_CREATED, toBookSnapshot(id.toHexString(), book))];
      try {
        const now = new Date();
        await this.books.create({ _id: id, ...book, createdAt: now, updatedAt: now, outbox });
        inserted++;
      } catch (error) {
        if ((error as { code?: number }).code !== 11000) throw error;
      }
    }
    if (inserted) {
      this.relay.kick();
      await this.cache.listsChanged();
    }
    return inserted;
  }
}
