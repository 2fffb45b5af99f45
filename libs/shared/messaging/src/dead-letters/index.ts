export * from './dead-letter-queue';
export * from './parked-message';
