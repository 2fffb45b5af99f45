export * from './config';
export * from './gateway.module';
export * from './health';
export * from './http';
