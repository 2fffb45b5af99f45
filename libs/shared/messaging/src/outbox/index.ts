export * from './outbox-entry.schema';
export * from './outbox-relay';
