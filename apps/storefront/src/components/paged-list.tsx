import type { ComponentChildren } from 'preact';

import type { Page } from '../api/types';
import { Pager } from './pager';
import { Empty, ErrorMessage, Loading } from './status-views';
import type { Resource } from './use-resource';

/**
 * One page of a list loaded from the API: "Loading…", the error with a retry, the empty message or
 * the items, then the pager. The page keeps its heading and filters; this is everything below them.
 */
export function PagedList<T>({
  list,
  loadingLabel,
  empty,
  hrefFor,
  summary,
  children,
}: {
  list: Resource<Page<T>>;
  loadingLabel: string;
  /** What an empty page says (the filters may be why it is empty). */
  empty: ComponentChildren;
  /** The link to another page of the same list, with the same filters. */
  hrefFor: (page: number) => string;
  /** Shown above the items (or the empty message) once the page came: how many there are in all. */
  summary?: (page: Page<T>) => ComponentChildren;
  /** The items, as a table or a list; only called when there is at least one. */
  children: (items: T[]) => ComponentChildren;
}) {
  return (
    <>
      {list.loading && <Loading label={loadingLabel} />}
      {list.error !== undefined && <ErrorMessage error={list.error} onRetry={() => list.reload()} />}
      {list.data && !list.loading && (
        <>
          {summary?.(list.data)}
          {list.data.items.length === 0 ? <Empty>{empty}</Empty> : children(list.data.items)}
          <Pager page={list.data.page} limit={list.data.limit} total={list.data.total} hrefFor={hrefFor} />
        </>
      )}
    </>
  );
}
