export * from './lib/render-notification';
