export * from './catalog-feature.module';
export * from './config/catalog.config';
