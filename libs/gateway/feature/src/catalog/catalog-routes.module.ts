import { Module } from '@nestjs/common';

import { BookCache } from './book-cache';
import { BooksController } from './books.controller';
import { CachedBookReadHook } from './cached-book-read.hook';

/** The public `/api/v1/books` routes: HTTP in, RPC to the catalog service out, hot reads cached. */
@Module({ controllers: [BooksController], providers: [BookCache, CachedBookReadHook] })
export class CatalogRoutesModule {}
