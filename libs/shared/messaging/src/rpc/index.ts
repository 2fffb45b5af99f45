export * from './readiness-rpc.controller';
export * from './rpc-client';
