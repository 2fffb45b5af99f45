export * from './notification-stream.service';
export * from './notifications-routes.module';
