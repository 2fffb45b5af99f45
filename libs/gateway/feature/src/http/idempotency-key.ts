import type { IdempotentReply } from '@bookstore/shared/contracts';
import {
  DomainError,
  ErrorResponseDto,
  IDEMPOTENCY_KEY_MAX_LENGTH,
  IDEMPOTENCY_KEY_RULE,
  IDEMPOTENT_REPLAYED_HEADER,
  isValidIdempotencyKey,
} from '@bookstore/shared/contracts';
import { applyDecorators } from '@nestjs/common';
import { ApiHeader, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';

/** The code of a malformed `Idempotency-Key` header (400). */
export const INVALID_IDEMPOTENCY_KEY = 'REQUEST.INVALID_IDEMPOTENCY_KEY';

/** The `Idempotency-Key` header as sent, or undefined without one; a 400 when it breaks the rule. */
export function checkedIdempotencyKey(header: string | undefined): string | undefined {
  if (header !== undefined && !isValidIdempotencyKey(header)) {
    throw DomainError.validation(INVALID_IDEMPOTENCY_KEY, IDEMPOTENCY_KEY_RULE);
  }
  return header;
}

/** The body of an idempotent use case's reply; a replay also says so in `Idempotent-Replayed: true`. */
export function answerOf<T>(reply: FastifyReply, answer: IdempotentReply<T>): T {
  if (answer.replayed) void reply.header(IDEMPOTENT_REPLAYED_HEADER, 'true');
  return answer.result;
}

/** The success response's documented headers: the replay mark. */
export const IDEMPOTENT_REPLAY_HEADERS = {
  [IDEMPOTENT_REPLAYED_HEADER]: {
    description:
      'Present (`true`) when this is the answer of an earlier request with the same Idempotency-Key',
    schema: { type: 'string', enum: ['true'] },
  },
};

/**
 * Swagger for a route taking an optional `Idempotency-Key`: the header and the 422 of a key reused
 * with another request (`reusedCode`). The success response adds IDEMPOTENT_REPLAY_HEADERS.
 */
export function ApiIdempotencyKey(what: string, reusedCode: string) {
  return applyDecorators(
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description:
        `1 to ${IDEMPOTENCY_KEY_MAX_LENGTH} printable ASCII characters, chosen by the client (a UUID ` +
        `will do), scoped to the caller and kept at least 24 h. The same key with the same request ` +
        `answers with ${what} again (header Idempotent-Replayed: true) and does nothing twice; the ` +
        'same key with another request is a 422. A malformed key is a 400 ' +
        `(${INVALID_IDEMPOTENCY_KEY}).`,
      schema: { type: 'string', minLength: 1, maxLength: IDEMPOTENCY_KEY_MAX_LENGTH },
    }),
    ApiUnprocessableEntityResponse({
      type: ErrorResponseDto,
      description: `The Idempotency-Key was first used with another request (code ${reusedCode})`,
    }),
  );
}
