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
