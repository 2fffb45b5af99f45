export * from './document-lock.schema';
export * from './document-locks';
export * from './document-locks.module';
export * from './locked-outbox-model';
export * from './locked-outbox-relay.provider';
