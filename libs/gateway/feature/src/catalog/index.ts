export * from './catalog-routes.module';
