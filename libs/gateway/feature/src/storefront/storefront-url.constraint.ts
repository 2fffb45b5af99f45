import type { FastifyInstance } from 'fastify';

import { isStorefrontUrl } from './storefront-request';

/** The route constraint that keeps the storefront's catch-all off /api and /docs. */
export const STOREFRONT_URL_CONSTRAINT = 'storefrontUrl';

/**
 * A router constraint rather than a check in the catch-all's handler: Fastify's router backtracks to
 * a wildcard route when a more specific one fails, so without it `/api/v1/books/<too long an id>`
 * would land in the storefront's `/*` instead of the router's own refusal (the shared 404 with
 * REQUEST.PATH_PARAM_TOO_LONG), and every unknown /api path would be the storefront's to refuse.
 * With it, those paths match no route at all and get exactly what they got before the storefront.
 * Its cost is one prefix test per request in the router (find-my-way derives constraints for every
 * lookup): a fraction of a microsecond against the ~40 µs a cached read costs the gateway.
 */
type ConstraintStrategy = Parameters<FastifyInstance['addConstraintStrategy']>[0];
type RouteHandler = NonNullable<ReturnType<ReturnType<ConstraintStrategy['storage']>['get']>>;

export const storefrontUrlStrategy: ConstraintStrategy = {
  name: STOREFRONT_URL_CONSTRAINT,
  storage() {
    const handlers = new Map<unknown, RouteHandler>();
    return {
      get: (value) => handlers.get(value) ?? null,
      set: (value, handler) => void handlers.set(value, handler),
    };
  },
  deriveConstraint: (request) => isStorefrontUrl(request.url ?? '/'),
  // API routes carry no such constraint and match whatever this derives.
  mustMatchWhenDerived: false,
};
