export * from './auth';
export * from './catalog';
export * from './config';
export * from './gateway.module';
export * from './health';
export * from './http';
export * from './notifications';
export * from './orders';
