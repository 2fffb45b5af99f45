import { access } from 'node:fs/promises';
import { STATUS_CODES } from 'node:http';
import { join, relative } from 'node:path';

import fastifyStatic from '@fastify/static';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

import type { RequestWithCorrelationId } from '../http/correlation-id';
import { STOREFRONT_SECURITY_HEADERS } from '../http/security-headers';
import { storefrontAnswerFor, storefrontCacheControl } from './storefront-request';
import { STOREFRONT_URL_CONSTRAINT, storefrontUrlStrategy } from './storefront-url.constraint';

/** Where the storefront's build is: the folder holding its index.html and assets/. */
export interface StorefrontOptions {
  dir: string;
}

/** What `/` says while the storefront is not built (a gateway started without `nx build storefront`). */
export const STOREFRONT_NOT_BUILT =
  'The storefront is not built. Build it with `npx nx build storefront` (npm start does), or point STOREFRONT_DIR at its build.\n';

/**
 * Serves the storefront's build (apps/storefront) at `/`, beside the API and the docs: its files,
 * content-hashed assets cached for a year, index.html revalidated each time, and index.html for
 * the app's own routes (deep links such as /books/123) by the rule of `storefrontAnswerFor`.
 * Anything else (an unknown /api/** or /docs path, a missing file) goes to the gateway's JSON 404.
 * A Fastify plugin (encapsulated: `reply.sendFile` exists only here); its catch-all route is the
 * router's last resort and never matches /api or /docs (see storefrontUrlStrategy).
 * Whether the build exists is checked per page load, not at start: a rebuild or a later build
 * is picked up without a restart.
 */
export async function storefrontRoutes(fastify: FastifyInstance, { dir }: StorefrontOptions): Promise<void> {
  const index = join(dir, 'index.html');
  await fastify.register(fastifyStatic, {
    root: dir,
    serve: false,
    // The build has no dotfiles; none that lands in the folder by accident is served.
    dotfiles: 'ignore',
    cacheControl: false,
    // Only when a file is really sent: a 404 for a missing asset carries neither header.
    setHeaders: (reply, path) => {
      void reply.headers(STOREFRONT_SECURITY_HEADERS);
      void reply.header('cache-control', storefrontCacheControl(relative(dir, path)));
    },
    suppressWarning: true,
  });

  const handler = async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> => {
    const path = `/${(request.params as { '*': string })['*']}`;
    switch (storefrontAnswerFor(path, request.headers.accept)) {
      case 'not-found':
        reply.callNotFound();
        return reply;
      case 'file':
        return reply.sendFile(path.slice(1));
      case 'index':
        if (!(await exists(index))) {
          return reply
            .code(503)
            .header('cache-control', 'no-store')
            .type('text/plain; charset=utf-8')
            .send(STOREFRONT_NOT_BUILT);
        }
        return reply.sendFile('index.html');
    }
  };
  if (!fastify.hasConstraintStrategy(STOREFRONT_URL_CONSTRAINT))
    fastify.addConstraintStrategy(storefrontUrlStrategy);
  fastify.route({
    method: ['GET', 'HEAD'],
    url: '/*',
    constraints: { [STOREFRONT_URL_CONSTRAINT]: true },
    handler,
    errorHandler: answerStorefrontError,
  });
}

/**
 * What the file server refuses (a path that climbs out of the build or is not canonical: 403) in
 * the shared error shape; Nest's filter does not see this route. Anything else is ours: a 500.
 */
function answerStorefrontError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const refused = error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500;
  const statusCode = refused ? (error.statusCode ?? 400) : 500;
  if (!refused) request.log.error({ msg: 'storefront file failed', error: error.message });
  if (reply.sent) return;
  void reply
    .code(statusCode)
    .type('application/json; charset=utf-8')
    .send({
      statusCode,
      error: STATUS_CODES[statusCode] ?? 'Error',
      message: refused
        ? `${STATUS_CODES[statusCode] ?? 'Refused'}: not a file of the storefront`
        : 'Something went wrong on our side',
      correlationId: (request as RequestWithCorrelationId).correlationId,
    });
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}
