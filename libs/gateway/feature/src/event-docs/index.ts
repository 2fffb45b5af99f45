export * from './event-docs.routes';
export * from './events-document';
