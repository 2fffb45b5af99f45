export * from './lib/catalog-feature.module';
