export * from './deadline-exceeded.error';
export * from './log-context-fields';
export * from './log-redaction';
export * from './request-context';
export * from './service-logger';
