export * from './notifications-routes.module';
