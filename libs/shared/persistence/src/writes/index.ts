export * from './duplicate-key';
export * from './retry-upsert';
