export * from './outbox';
export * from './writes';
