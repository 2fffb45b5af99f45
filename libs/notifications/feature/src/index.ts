export * from './config/notifications.config';
export * from './notifications-feature.module';
