/** Injection tokens of the gateway's auth routes. */
export const AUTH_ROUTES_CONFIG = Symbol('AUTH_ROUTES_CONFIG');
