import type { ComponentType } from 'preact';
import { Route, Router } from 'preact-iso';

/** Pages by path, in the order they are tried: the first path that matches wins. */
export type RoutePages = readonly (readonly [path: string, page: ComponentType])[];

/**
 * A router over a table of pages, with the page for any other path. The storefront and its nested
 * staff area each have one.
 */
export function RouteTable({ pages, fallback }: { pages: RoutePages; fallback: ComponentType }) {
  return (
    <Router>
      {/* No keys, on purpose: two paths of the same page (/cart and /checkout) must keep it mounted,
          as written-out routes did; a key per path would remount it and lose its state. */}
      {pages.map(([path, page]) => (
        <Route path={path} component={page} />
      ))}
      <Route default component={fallback} />
    </Router>
  );
}
