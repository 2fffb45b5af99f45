export * from './error-response.dto';
export * from './idempotency-key';
export * from './page';
export * from './pagination.query';
export * from './query-int';
