/** Readiness checks an app contributes: each resolves to a Terminus indicator result. */
export const READINESS_CHECKS = Symbol('READINESS_CHECKS');
/** The shared ioredis client of an app that uses Redis. */
export const REDIS_CLIENT = Symbol('REDIS_CLIENT');
/** Options given to OpsModule.forRoot. */
export const OPS_OPTIONS = Symbol('OPS_OPTIONS');
