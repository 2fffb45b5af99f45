export * from './lib/notifications-domain.module';
