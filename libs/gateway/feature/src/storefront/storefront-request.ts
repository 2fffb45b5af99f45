/** What the storefront's catch-all route does with a GET or HEAD it receives. */
export type StorefrontAnswer = 'index' | 'file' | 'not-found';

/** The prefixes that stay the API's and the docs': their unknown paths keep the JSON 404. */
const NOT_STOREFRONT = /^\/(api|docs)(\/|-|\?|$)/;

/** Whether a request URL (path and query) may be the storefront's: anything outside /api and /docs. */
export function isStorefrontUrl(url: string): boolean {
  return !NOT_STOREFRONT.test(url);
}

/**
 * The SPA fallback rule, the one connect-history-api-fallback (Vite's and webpack's dev servers)
 * applies: a path whose last segment has no dot, asked for by a client that accepts HTML, is a
 * route of the app (`/books/123`, `/orders`), so it gets index.html and the client-side router
 * takes over; a path with a dot is a file, served when it exists and a 404 otherwise (a missing
 * script must not come back as HTML). `/api/**` and `/docs**` are never the storefront's.
 */
export function storefrontAnswerFor(path: string, accept: string | undefined): StorefrontAnswer {
  if (!isStorefrontUrl(path)) return 'not-found';
  if (path === '/' || path === '/index.html') return 'index';
  const lastSegment = path.slice(path.lastIndexOf('/') + 1);
  if (lastSegment.includes('.')) return 'file';
  return accept?.includes('text/html') ? 'index' : 'not-found';
}

/** Vite's content-hashed output folder: a file there never changes under the same name. */
const HASHED_ASSETS = '/assets/';

/** `public, max-age` of a year for content-hashed files; everything else is revalidated each time. */
export function storefrontCacheControl(relativePath: string): string {
  return `/${relativePath}`.startsWith(HASHED_ASSETS) ? 'public, max-age=31536000, immutable' : 'no-cache';
}
