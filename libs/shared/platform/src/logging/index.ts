export * from './deadline-exceeded.error';
export * from './json-logger';
export * from './request-context';
