export * from './adapters/cache.port';
export * from './catalog.tokens';
export * from './catalog-feature.module';
export * from './config/catalog.config';
