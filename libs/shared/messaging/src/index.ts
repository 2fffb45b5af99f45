export * from './connection';
export * from './consuming';
export * from './dead-letters';
export * from './messaging.module';
export * from './publishing';
export * from './rpc';
export * from './topology';
