export * from './config';
export * from './lazy-date-time-format';
export * from './start-telemetry';
