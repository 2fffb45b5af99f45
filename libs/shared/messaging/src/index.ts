export * from './lib/shared-messaging.module';
