export * from './lib/catalog-domain.module';
