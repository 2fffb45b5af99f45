export * from './auth.patterns';
export * from './catalog.patterns';
export * from './dead-letters.patterns';
export * from './health.patterns';
export * from './notifications.patterns';
export * from './orders.patterns';
export * from './rpc-request';
export * from './service-name';
