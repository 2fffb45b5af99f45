export * from './domain-error';
export * from './error-kind';
export * from './rpc-error-payload';
