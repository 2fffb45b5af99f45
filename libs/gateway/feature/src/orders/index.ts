export * from './orders-routes.module';
