export * from './connect-to-any-node';
