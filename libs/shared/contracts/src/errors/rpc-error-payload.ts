import { ErrorKind } from './error-kind';

/** What a service replies instead of a result when a request fails; never carries a stack trace. */
export interface RpcErrorPayload {
  kind: ErrorKind;
  code: string;
  message: string | string[];
  details?: Record<string, unknown>;
}

/** True when `value` has the shape a service sends back for a failed request. */
export function isRpcErrorPayload(value: unknown): value is RpcErrorPayload {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<RpcErrorPayload>;
  return typeof candidate.code === 'string' && Object.values(ErrorKind).includes(candidate.kind as ErrorKind);
}
