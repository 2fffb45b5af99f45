export * from './actor';
export * from './role';
