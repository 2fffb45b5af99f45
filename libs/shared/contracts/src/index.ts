export * from './lib/shared-contracts.module';
