export * from './admin';
export * from './auth';
export * from './catalog';
export * from './common';
export * from './notifications';
export * from './orders';
