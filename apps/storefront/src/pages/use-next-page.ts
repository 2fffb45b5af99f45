import { useLocation } from 'preact-iso';

/** Where to go after logging in: the `next` page asked for, when it is one of ours, else the catalog. */
export function useNextPage(): string {
  const { query } = useLocation();
  const next = query['next'];
  // Only a local path: never an absolute or protocol-relative URL (no open redirect).
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}
