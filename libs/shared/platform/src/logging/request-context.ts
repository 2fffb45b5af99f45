import { AsyncLocalStorage } from 'node:async_hooks';

import { deadlineExceeded } from './deadline-exceeded.error';

export interface RequestContextData {
  correlationId: string;
  /**
   * Epoch ms after which the caller of this request no longer waits for its answer (requests over
   * RPC only; events have none). See `requestDeadline` in shared/messaging for how it is derived.
   */
  deadline?: number;
  /**
   * The raw access token of the HTTP request, once the gateway verified it: RpcClient forwards it
   * with calls made for the user, so the service can verify the actor itself.
   */
  accessToken?: string;
}

const storage = new AsyncLocalStorage<RequestContextData>();

/**
 * Carries the correlation id, and for a request its deadline, through everything a request or
 * message causes (logs, outgoing messages, the handler's steps) without threading them through
 * every call.
 */
export const RequestContext = {
  run<T>(data: RequestContextData, fn: () => T): T {
    return storage.run(data, fn);
  },
  correlationId(): string | undefined {
    return storage.getStore()?.correlationId;
  },
  /** The verified raw access token of the HTTP request being handled (gateway only). */
  accessToken(): string | undefined {
    return storage.getStore()?.accessToken;
  },
  /**
   * Records the request's access token once it is verified (the context is opened before the
   * guards run, so the guard adds it to the request's existing context). Outside one, nothing.
   */
  attachAccessToken(token: string): void {
    const store = storage.getStore();
    if (store) store.accessToken = token;
  },
  /** The deadline of the request being handled, if it has one. */
  deadline(): number | undefined {
    return storage.getStore()?.deadline;
  },
  /**
   * Throws `REQUEST.DEADLINE_EXCEEDED` when the request being handled is past its deadline. A
   * handler that reads before it writes calls it right before its first write, so work its caller
   * already gave up on (and may retry) never takes effect. Outside a request it does nothing.
   */
  assertWithinDeadline(now = Date.now()): void {
    const deadline = storage.getStore()?.deadline;
    if (deadline !== undefined && now >= deadline) throw deadlineExceeded(deadline, now);
  },
};
