/** Request/reply patterns served by the orders service (`orders.rpc` queue). */
export const ORDERS_PATTERNS = {
  place: 'orders.place',
  list: 'orders.list',
  get: 'orders.get',
  cancel: 'orders.cancel',
  updateStatus: 'orders.status.update',
} as const;
