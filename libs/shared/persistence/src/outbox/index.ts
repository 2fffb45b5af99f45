export * from './outbox.module';
export * from './outbox-collection';
export * from './outbox-entry.schema';
export * from './outbox-publisher';
export * from './outbox-relay';
