export * from './create-envelope';
export * from './event-publisher';
