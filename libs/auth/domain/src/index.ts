export * from './account-tokens/account-token';
export * from './keys/key-ring';
export * from './refresh-tokens/refresh-token-families';
export * from './refresh-tokens/refresh-token-record';
export * from './refresh-tokens/refresh-token-secret';
export * from './refresh-tokens/refresh-token-store.port';
export * from './users/normalize-email';
