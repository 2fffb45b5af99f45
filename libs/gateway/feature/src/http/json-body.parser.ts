import { BadRequestException } from '@nestjs/common';
import type { FastifyInstance } from 'fastify';

/**
 * JSON bodies with Fastify's own parser (it rejects `__proto__`/`constructor` poisoning with 400),
 * except that an empty body is no body: a DELETE or POST without one, sent with a JSON content
 * type by many clients, reaches validation instead of failing as malformed.
 */
export function acceptEmptyJsonBodies(fastify: FastifyInstance): void {
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  fastify.removeContentTypeParser('application/json');
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (text.trim() === '') {
      done(null, undefined);
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
