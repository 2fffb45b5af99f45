/** The orders service's typed config. */
export const ORDERS_CONFIG = Symbol('ORDERS_CONFIG');

/** The port to the orders collection (see persistence/order.repository.ts). */
export const ORDER_REPOSITORY = Symbol('ORDER_REPOSITORY');

/** The RpcClient the orders service uses to ask the catalog directly over RabbitMQ. */
export const CATALOG_RPC = Symbol('CATALOG_RPC');

/** The outbox relay over the orders collection. */
export const ORDERS_OUTBOX_RELAY = Symbol('ORDERS_OUTBOX_RELAY');
