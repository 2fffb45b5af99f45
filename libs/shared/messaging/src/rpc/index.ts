export * from './exchange-replies';
export * from './readiness-rpc.controller';
export * from './request-deadline';
export * from './rpc-client';
