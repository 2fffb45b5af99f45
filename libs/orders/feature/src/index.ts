export * from './config/orders.config';
export * from './orders-feature.module';
