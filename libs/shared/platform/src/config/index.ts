export * from './exit-on-startup-error';
export * from './infra.config';
export * from './load-config';
export * from './production-rules';
export * from './secret-rules';
