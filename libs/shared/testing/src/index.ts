export * from './lib/shared-testing.module';
