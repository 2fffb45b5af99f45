export * from './lib/idempotency-request';
export * from './lib/order-access';
export * from './lib/order-errors';
export * from './lib/order-pricing';
export * from './lib/order-state-machine';
export * from './lib/rejection-reason';
