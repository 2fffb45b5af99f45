import type { Actor } from '../auth/actor';

/**
 * Every request/reply message: the payload plus who asks and the correlation id of the HTTP
 * request that caused it.
 */
export interface RpcRequest<T = unknown> {
  correlationId: string;
  actor?: Actor;
  payload: T;
}
