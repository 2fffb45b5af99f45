export * from './auth';
export * from './dto';
export * from './errors';
export * from './events';
export * from './rpc';
