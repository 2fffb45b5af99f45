import { useLocation } from 'preact-iso';

import type { OrderStatusName } from '../api/types';
import { ORDER_STATUS_NAMES } from '../api/types';
import { STATUS_LABELS } from './order-status-badge';
import { hrefWith, positiveInt } from './page-query';

/** The status filter and page number of a list of orders, read from the URL (so they can be bookmarked). */
export function useOrderListQuery(): { status?: OrderStatusName; page: number } {
  const { query } = useLocation();
  // Only a known status filters: anything else in the URL lists them all.
  const status = ORDER_STATUS_NAMES.find((s) => s === query['status']);
  return { status, page: positiveInt(query['page'], 1) };
}

/**
 * The "Status" select above a list of orders. Choosing goes to `path` with that status and no page
 * number: a filtered list starts over at its first page.
 */
export function OrderStatusFilter({
  path,
  status,
  name,
}: {
  path: string;
  status: OrderStatusName | undefined;
  /** The select's form name, where a page has one. */
  name?: string;
}) {
  const { route } = useLocation();
  return (
    <label>
      Status
      <select
        name={name}
        value={status ?? ''}
        onChange={(e) => route(hrefWith(path, { status: e.currentTarget.value || undefined }))}
      >
        <option value="">All</option>
        {ORDER_STATUS_NAMES.map((option) => (
          <option key={option} value={option}>
            {STATUS_LABELS[option]}
          </option>
        ))}
      </select>
    </label>
  );
}
