/** The OrdersConfig instance the service started with. */
export const ORDERS_CONFIG = Symbol('ORDERS_CONFIG');
/** The RpcClient the orders service uses to ask the catalog directly over RabbitMQ. */
export const CATALOG_RPC = Symbol('CATALOG_RPC');
