export * from './amqp.health';
export * from './metrics.registry';
export * from './ops.module';
export * from './ops.options';
export * from './ops.tokens';
export * from './readiness.service';
export * from './redis.health';
export * from './redis.provider';
