import { DynamicModule, Module } from '@nestjs/common';

import { CatalogConfig } from './config/catalog.config';

/** Event types the catalog service consumes; its events queue is bound to exactly these. */
export const CATALOG_SUBSCRIPTIONS: readonly string[] = [];

/** The catalog service's use cases: message handlers, persistence and domain wiring. */
@Module({})
export class CatalogFeatureModule {
  static forRoot(config: CatalogConfig): DynamicModule {
    return { module: CatalogFeatureModule, providers: [{ provide: 'CONFIG', useValue: config }] };
  }
}
