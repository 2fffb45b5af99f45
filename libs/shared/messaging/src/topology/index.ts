export * from './assert-topology';
export * from './messaging.constants';
export * from './queue-options';
export * from './replace-queue';
export * from './requeue-exchange';
export * from './retry-tiers';
export * from './rmq-options';
export * from './service-queues';
