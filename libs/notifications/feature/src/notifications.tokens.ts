/** The notifications service's typed config. */
export const NOTIFICATIONS_CONFIG = Symbol('NOTIFICATIONS_CONFIG');

/** The outbox relay over the notifications collection. */
export const NOTIFICATIONS_OUTBOX_RELAY = Symbol('NOTIFICATIONS_OUTBOX_RELAY');
