import type { ListColumn } from './list-table';

/** The columns of a list of orders, the customer's and the staff's alike; each row's cells follow them. */
export const ORDER_COLUMNS: readonly ListColumn[] = [
  { label: 'Order' },
  { label: 'Placed' },
  { label: 'Books' },
  { label: 'Total', numeric: true },
  { label: 'Status' },
];
