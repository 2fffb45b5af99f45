export * from './gateway.config';
