import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { FastifyInstance } from 'fastify';

import { PAGE_SECURITY_HEADERS } from '../http/security-headers';
import {
  EVENT_DOCS_JSON_PATH,
  EVENT_DOCS_PAGE,
  EVENT_DOCS_PATH,
  EVENT_DOCS_SCRIPT,
  EVENT_DOCS_STYLESHEET,
} from './event-docs.page';
import { buildEventsDocument } from './events-document';

/**
 * The /docs page policy plus 'unsafe-eval' for this page alone: the web component validates the
 * document in the browser with Ajv, which compiles schemas with `new Function`; without it the page
 * stays blank. Scripts still come only from this origin, and the page shows only our own document.
 */
const EVENT_DOCS_PAGE_CSP = (PAGE_SECURITY_HEADERS['content-security-policy'] ?? '').replace(
  "script-src 'self'",
  "script-src 'self' 'unsafe-eval'",
);

/**
 * Serves the events' AsyncAPI document at /docs/events-json and its page at /docs/events, beside
 * Swagger UI. `assetsDir` holds the web component's script and stylesheet, copied from
 * node_modules by the gateway's build; they are read now, so a build without them fails at start
 * rather than serving a blank page. The document is generated once: the contracts do not change
 * while the gateway runs.
 */
export function registerEventDocs(fastify: FastifyInstance, assetsDir: string): void {
  const document = JSON.stringify(buildEventsDocument());
  const script = readFileSync(join(assetsDir, EVENT_DOCS_SCRIPT));
  const stylesheet = readFileSync(join(assetsDir, EVENT_DOCS_STYLESHEET));

  fastify.get(EVENT_DOCS_JSON_PATH, (_request, reply) =>
    reply.type('application/json; charset=utf-8').send(document),
  );
  fastify.get(EVENT_DOCS_PATH, (_request, reply) =>
    reply
      .type('text/html; charset=utf-8')
      .header('content-security-policy', EVENT_DOCS_PAGE_CSP)
      .send(EVENT_DOCS_PAGE),
  );
  fastify.get(`${EVENT_DOCS_PATH}/${EVENT_DOCS_SCRIPT}`, (_request, reply) =>
    reply.type('text/javascript; charset=utf-8').send(script),
  );
  fastify.get(`${EVENT_DOCS_PATH}/${EVENT_DOCS_STYLESHEET}`, (_request, reply) =>
    reply.type('text/css; charset=utf-8').send(stylesheet),
  );
}
