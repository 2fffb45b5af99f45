import { Module } from '@nestjs/common';

import { BooksController } from './books.controller';

/** The public `/api/v1/books` routes: HTTP in, RPC to the catalog service out. */
@Module({ controllers: [BooksController] })
export class CatalogRoutesModule {}
