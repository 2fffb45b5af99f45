/** Injection tokens of the auth feature. */
export const AUTH_CONFIG = Symbol('AUTH_CONFIG');
export const USERS_OUTBOX_RELAY = Symbol('USERS_OUTBOX_RELAY');
