export * from './lib/render-account-email';
export * from './lib/render-notification';
export * from './lib/safe-name';
