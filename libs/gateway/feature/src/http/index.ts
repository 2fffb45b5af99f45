export * from './correlation-id.middleware';
export * from './http-error.filter';
export * from './http-metrics.interceptor';
export * from './http-status-of';
export * from './validation.pipe';
