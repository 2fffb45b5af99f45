export * from './lib/render-notification';
export * from './lib/safe-name';
