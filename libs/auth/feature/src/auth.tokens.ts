/** The auth service's typed config. */
export const AUTH_CONFIG = Symbol('AUTH_CONFIG');
