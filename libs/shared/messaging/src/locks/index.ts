export * from './document-lock.schema';
export * from './document-locks';
export * from './locked-outbox-model';
