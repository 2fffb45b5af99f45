export * from './configure-http';
export * from './correlation-id';
export * from './http-error.filter';
export * from './http-metrics.hook';
export * from './http-status-of';
export * from './json-body.parser';
export * from './security-headers';
export * from './validation.pipe';
