import type { IncomingMessage, ServerResponse } from 'node:http';

import type { FastifyReply, FastifyRequest } from 'fastify';
import type { HelmetOptions } from 'helmet';
import helmet from 'helmet';

/**
 * The headers the API's JSON answers carry: the set OWASP's REST Security Cheat Sheet lists for
 * APIs. A JSON answer is never rendered as a page, so it needs no more: no script may run in its
 * context, it may not be framed, sniffed into another type, or fetched over plain HTTP later.
 */
export const API_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  'strict-transport-security': 'max-age=31536000; includeSubDomains',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
};

/**
 * Helmet's full default set (CSP for pages, cross-origin policies, ...) for what a browser renders:
 * Swagger UI under /docs. Computed once: it does not depend on the request, and building it per
 * request was a visible share of the hot-read profile.
 */
export const PAGE_SECURITY_HEADERS: Readonly<Record<string, string>> = helmetDefaults();

/**
 * Helmet's page set for the storefront (the SPA at `/` and its assets), with a strict CSP: scripts,
 * styles, fonts and API calls from this origin only, images also as data: URLs, no inline script or
 * style anywhere (Vite's build emits none), never framed. It is what guards the refresh token the
 * storefront keeps in localStorage: no injected or third-party script can run to read it. No
 * `upgrade-insecure-requests`: the gateway answers plain HTTP locally and in compose, where that
 * directive would send every asset to an https:// URL nothing serves (behind TLS, HSTS applies).
 * Computed once, like the sets above; the storefront's route sets it over the API set.
 */
export const STOREFRONT_SECURITY_HEADERS: Readonly<Record<string, string>> = helmetDefaults({
  contentSecurityPolicy: {
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      fontSrc: ["'self'"],
      imgSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      frameAncestors: ["'none'"],
      upgradeInsecureRequests: null,
    },
  },
  xFrameOptions: { action: 'deny' },
});

/** `onRequest` hook: the security headers on every answer, errors and 404s included. */
export function securityHeadersHook(request: FastifyRequest, reply: FastifyReply, done: () => void): void {
  void reply.headers(request.url.startsWith('/docs') ? PAGE_SECURITY_HEADERS : API_SECURITY_HEADERS);
  done();
}

function helmetDefaults(options?: HelmetOptions): Record<string, string> {
  const headers: Record<string, string> = {};
  const response = {
    setHeader: (name: string, value: unknown) => {
      headers[name.toLowerCase()] = String(value);
    },
    removeHeader: (name: string) => {
      delete headers[name.toLowerCase()];
    },
  };
  helmet(options)({} as IncomingMessage, response as unknown as ServerResponse, () => undefined);
  return headers;
}
