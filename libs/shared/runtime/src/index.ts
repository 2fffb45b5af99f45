export * from './bootstrap';
export * from './dead-letters';
export * from './service';
