export * from './cache/cache.port';
export * from './catalog.tokens';
export * from './catalog-feature.module';
export * from './config/catalog.config';
export * from './reservations/release-stock.handler';
export * from './reservations/reserve-stock.handler';
