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

/** In the form of Fastify's own request errors, which the gateway's error filter answers as 400. */
function malformedJson(): Error {
  return Object.assign(new Error('Malformed JSON body'), {
    code: 'FST_ERR_CTP_INVALID_JSON_BODY',
    statusCode: 400,
  });
}
