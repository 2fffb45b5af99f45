export * from './lib/orders-domain.module';
