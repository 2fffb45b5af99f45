export * from './admin-routes.module';
