export * from './telemetry.config';
