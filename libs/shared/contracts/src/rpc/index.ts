export * from './health.patterns';
export * from './rpc-request';
export * from './service-name';
