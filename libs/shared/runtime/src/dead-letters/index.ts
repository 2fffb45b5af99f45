export * from './dead-letters.errors';
export * from './dead-letters.module';
