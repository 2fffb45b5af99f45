import type { Actor } from '../auth/actor';

/**
 * Every request/reply message: the payload plus who asks and the correlation id of the HTTP
 * request that caused it.
 */
export interface RpcRequest<T = unknown> {
  correlationId: string;
  /**
   * Who asks. On the wire it is informational only: the receiving service replaces it with the
   * actor of the verified `accessToken` (or removes it when there is none), so a handler's
   * `req.actor` is always proven.
   */
  actor?: Actor;
  /**
   * The caller's raw access token, forwarded by the gateway on calls made for a user; calls a
   * service makes on its own behalf carry none.
   */
  accessToken?: string;
  payload: T;
}
