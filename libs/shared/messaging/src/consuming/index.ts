export * from './event-payload.pipe';
export * from './in-flight.tracker';
export * from './message-ack.interceptor';
export * from './poison-message.error';
export * from './rmq-message';
export * from './rpc-payload.pipe';
export * from './unavailable-failure';
export * from './validation-messages';
