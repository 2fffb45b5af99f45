/** Request/reply patterns served by the orders service (`orders.rpc` queue). */
export const ORDERS_PATTERNS = {} as const;
