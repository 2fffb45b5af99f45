import { Module } from '@nestjs/common';

/** The public `/api/v1/catalog` routes: HTTP in, RPC to the catalog service out. */
@Module({})
export class CatalogRoutesModule {}
