export * from './lib/orders-feature.module';
