export * from './config';
export * from './start-telemetry';
