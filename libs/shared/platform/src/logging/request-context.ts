import { AsyncLocalStorage } from 'node:async_hooks';

export interface RequestContextData {
  correlationId: string;
}

const storage = new AsyncLocalStorage<RequestContextData>();

/**
 * Carries the correlation id through everything a request or message causes (logs, outgoing
 * messages) without threading it through every call.
 */
export const RequestContext = {
  run<T>(data: RequestContextData, fn: () => T): T {
    return storage.run(data, fn);
  },
  correlationId(): string | undefined {
    return storage.getStore()?.correlationId;
  },
};
