export * from './exit-on-startup-error';
export * from './infra.config';
export * from './load-config';
