import { isUtf8 } from 'node:buffer';

import { BadRequestException } from '@nestjs/common';
import type { FastifyInstance } from 'fastify';

import type { JsonTextProblem } from './json-text-scan';
import { scanJsonText } from './json-text-scan';
import { bodyTooDeep, bodyTooManyElements, invalidUtf8, nulCharacter } from './request-edge.errors';

const REFUSALS: Record<NonNullable<JsonTextProblem>, () => Error> = {
  'too-deep': bodyTooDeep,
  'too-many-elements': bodyTooManyElements,
  nul: () => nulCharacter('body'),
};

/**
 * JSON bodies with Fastify's own parser (it rejects `__proto__`/`constructor` poisoning with 400),
 * behind the edge's checks: bytes that are not UTF-8 (decoding would silently turn them into
 * U+FFFD), then nesting, element count and NUL (scanJsonText), all before anything recursive sees
 * the body. An empty body is no body: a DELETE or POST without one, sent with a JSON content type
 * by many clients, reaches validation instead of failing as malformed.
 */
export function acceptEmptyJsonBodies(fastify: FastifyInstance): void {
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  fastify.removeContentTypeParser('application/json');
  fastify.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    const bytes = body as Buffer;
    if (!isUtf8(bytes)) {
      done(invalidUtf8('body'), undefined);
      return;
    }
    const text = bytes.toString('utf8');
    if (text.trim() === '') {
      done(null, undefined);
      return;
    }
    const problem = scanJsonText(text);
    if (problem !== null) {
      done(REFUSALS[problem](), undefined);
      return;
    }
    parseJson(request, text, (error, value) =>
      error ? done(malformedJson(), undefined) : done(null, value),
    );
  });
}

/**
 * An HttpException, which Nest passes to the gateway's error filter as it is (Fastify's own request
 * errors, such as 413 and 415, reach it as HttpExceptions too, mapped by Nest).
 */
function malformedJson(): Error {
  return new BadRequestException('Malformed JSON body');
}
