import { DomainError } from '@bookstore/shared/contracts';
import { OutboxRelay } from '@bookstore/shared/messaging';
import { DocumentLocks } from '@bookstore/shared/messaging';
import { Inject, Injectable } from '@nestjs/common';

import { BookCacheService } from '../cache/book-cache.service';
import { CATALOG_OUTBOX } from '../catalog.tokens';
import { bookLock } from '../catalog-locks';
import { bookNotFound } from '../queries/get-book/get-book.handler';
import { Book } from './book.schema';
import { BooksRepository } from './books.repository';

const MAX_ATTEMPTS = 10;

/** What a read-modify-write decides from the current book: `undefined` means "no change". */
export type BookChange = (book: Book) => Promise<Book | null | false | undefined>;

/**
 * Runs a read-modify-write on a live book: read it, let `change` write it conditionally on the
 * revision it read (with its outbox entry), and retry when a concurrent write (a reservation, say)
 * got there first. Each attempt holds the book's lock (FerretDB, see document-locks.ts). Afterwards the relay is woken and the caches of the book and the lists dropped.
 */
@Injectable()
export class BookWriter {
  constructor(
    private readonly books: BooksRepository,
    private readonly cache: BookCacheService,
    private readonly locks: DocumentLocks,
    @Inject(CATALOG_OUTBOX) private readonly relay: OutboxRelay,
  ) {}

  async change(id: string, change: BookChange, onDuplicateIsbn?: () => DomainError): Promise<Book> {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const { current, result } = await this.locks.run(bookLock(id), async () => {
        const found = await this.books.findLive(id);
        if (!found) throw bookNotFound(id);
        return { current: found, result: await change(found) };
      });
      if (result === undefined) return current;
      if (result === false) throw onDuplicateIsbn?.() ?? new Error('unexpected duplicate key');
      if (result) {
        await this.written(id);
        return result;
      }
    }
    throw DomainError.conflict('CATALOG.CONCURRENT_UPDATE', 'The book is changing too often; try again');
  }

  /** After a write that appended events and changed the book. */
  async written(id: string): Promise<void> {
    this.relay.kick({ model: Book.name, id });
    await this.cache.bookChanged(id);
  }
}
