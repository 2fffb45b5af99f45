import type { IncomingMessage, ServerResponse } from 'node:http';

import { gatewayEarlyAnswers } from '@bookstore/shared/platform';
import type { FastifyReply, FastifyRequest } from 'fastify';

import { CORRELATION_HEADER, correlationIdFor } from '../http/correlation-id';
import type { HttpRequestObserver } from '../http/http-metrics.hook';
import { httpRequestObserver } from '../http/http-metrics.hook';
import type { BookCache } from './book-cache';
import { OBJECT_ID } from './book-id.pipe';

/** The route's path parameter: the book id. */
const ID_PARAM = 'id';

/** What a cached book answer looks like, as Fastify's hooks made it for the route. */
interface AnswerShape {
  /** The path up to the id, e.g. `/api/v1/books/`. */
  prefix: string;
  /** Its headers in their order as `[name, value, name, value, ...]`, content length aside. */
  headers: string[];
  /** Where the correlation id's value goes in `headers`. */
  correlationAt: number;
  /** The route's series of the request histogram, for a 200. */
  observer: HttpRequestObserver;
}

/**
 * The cached book read answered before Fastify routes the request (answerBeforeRouting): the
 * hot read's cost was Fastify's and Node's per-request work around a few hundred bytes from
 * memory (docs/BENCHMARKS.md, "Issue 15").
 *
 * It gives Fastify's answer without a second copy of its rules: the headers are those the gateway's
 * `onRequest` hooks (security headers, CORS, ...) set on a cached hit Fastify answered, learned
 * from the first one (`learn`); the correlation id comes from the same rule as the hook's
 * (`correlationIdFor`) and the duration goes to the same histogram series (`httpRequestObserver`).
 * So it only takes requests whose answer depends on nothing else: a GET of the route's exact path,
 * no query string (the query-string check stays Fastify's), no `Origin` (CORS then has nothing to
 * decide per request). Anything else, a miss, or the server closing goes to Fastify as before.
 */
export class EarlyBookAnswer {
  private shape: AnswerShape | undefined;
  private closing = false;

  constructor(private readonly books: Pick<BookCache, 'peekJson'>) {}

  /**
   * Records the shape of a cached answer Fastify is about to send for `id` (its hooks have run,
   * its content type is set), when the request is one this class may answer itself.
   */
  learn(request: FastifyRequest, reply: FastifyReply, id: string): void {
    if (this.shape !== undefined || !sameAnswerForAll(request.raw)) return;
    // The path as the route declares it: a path Fastify decoded first (`%36...`) would teach a
    // prefix that ends inside an escape.
    const template = request.routeOptions.url ?? '';
    const idAt = template.indexOf(`:${ID_PARAM}`);
    if (idAt === -1 || request.url !== template.slice(0, idAt) + id) return;
    const headers: string[] = [];
    let correlationAt = -1;
    for (const [name, value] of Object.entries(reply.getHeaders())) {
      if (value === undefined) continue;
      if (name === CORRELATION_HEADER) correlationAt = headers.length + 1;
      for (const one of Array.isArray(value) ? value : [value]) headers.push(name, String(one));
    }
    if (correlationAt === -1) return;
    this.shape = {
      prefix: template.slice(0, idAt),
      headers,
      correlationAt,
      observer: httpRequestObserver(request.method, request.routeOptions.url, 200),
    };
  }

  /** From now on every request goes to Fastify, which answers what comes in while closing. */
  close(): void {
    this.closing = true;
  }

  /** An EarlyAnswer: sends the cached book and returns true, or returns false for Fastify. */
  readonly answer = (request: IncomingMessage, response: ServerResponse): boolean => {
    const started = performance.now();
    const shape = this.shape;
    if (shape === undefined || this.closing || !sameAnswerForAll(request)) return false;
    const url = request.url as string;
    if (!url.startsWith(shape.prefix)) return false;
    const id = url.slice(shape.prefix.length);
    if (!OBJECT_ID.test(id)) return false;
    const json = this.books.peekJson(id.toLowerCase());
    if (json === undefined) return false;
    const headers = shape.headers.slice();
    headers[shape.correlationAt] = correlationIdFor(request.headers[CORRELATION_HEADER]);
    headers.push('content-length', String(Buffer.byteLength(json)));
    response.writeHead(200, headers);
    response.end(json);
    shape.observer.observe((performance.now() - started) / 1000);
    gatewayEarlyAnswers.inc();
    return true;
  };
}

/** A request whose cached answer's headers are the same for every client (see the class). */
function sameAnswerForAll(request: IncomingMessage): boolean {
  return (
    request.method === 'GET' && request.headers.origin === undefined && !(request.url ?? '?').includes('?')
  );
}
