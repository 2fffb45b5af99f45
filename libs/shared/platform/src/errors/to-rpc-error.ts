import type { RpcErrorPayload } from '@bookstore/shared/contracts';
import { DomainError, ErrorKind, isRpcErrorPayload } from '@bookstore/shared/contracts';
import { HttpException } from '@nestjs/common';

/**
 * Turns anything a handler threw into the reply a service may send: domain errors keep their kind,
 * code and message; anything unexpected becomes `internal` with no detail a client could mine.
 */
export function toRpcError(error: unknown): RpcErrorPayload {
  if (error instanceof DomainError) {
    return { kind: error.kind, code: error.code, message: messagesOf(error), details: error.details };
  }
  if (isRpcErrorPayload(error)) return error;
  if (isDatabaseUnavailable(error)) {
    return {
      kind: ErrorKind.Unavailable,
      code: 'UPSTREAM.DATABASE_UNAVAILABLE',
      message: 'Storage is unavailable',
    };
  }
  if (error instanceof HttpException && error.getStatus() === 400) {
    const response = error.getResponse() as { message?: string | string[] };
    return { kind: ErrorKind.Validation, code: 'VALIDATION', message: response.message ?? error.message };
  }
  return { kind: ErrorKind.Internal, code: 'INTERNAL', message: 'Internal error' };
}

function messagesOf(error: DomainError): string | string[] {
  const messages = error.details?.['messages'];
  return Array.isArray(messages) ? (messages as string[]) : error.message;
}

/**
 * A database that cannot be reached is not the client's fault nor a bug: the caller gets 503 and
 * may retry, instead of a 500 (the chaos suite saw 500s while MongoDB restarted).
 */
function isDatabaseUnavailable(error: unknown): boolean {
  const name = (error as { name?: unknown })?.name;
  return (
    typeof name === 'string' &&
    /^(Mongo(Network|NetworkTimeout|ServerSelection|NotConnected|Topology\w*|PoolCleared)Error|MongooseServerSelectionError)$/.test(
      name,
    )
  );
}
