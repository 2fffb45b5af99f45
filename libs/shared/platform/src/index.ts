export * from './lib/shared-platform.module';
