export * from './rpc-error.filter';
export * from './to-rpc-error';
