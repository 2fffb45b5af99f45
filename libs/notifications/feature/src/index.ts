export * from './lib/notifications-feature.module';
