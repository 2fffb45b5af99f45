import type { OnModuleInit } from '@nestjs/common';
import { Inject, Injectable } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

import type { GatewayConfig } from '../config/gateway.config';
import { GATEWAY_CONFIG } from '../config/gateway.config';
import { answerBeforeRouting } from '../http/answer-before-routing';
import { BookCache } from './book-cache';
import { OBJECT_ID } from './book-id.pipe';
import { EarlyBookAnswer } from './early-book-answer';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Set on the route CachedBookReadHook answers from memory. */
    cachedBookRead?: boolean;
  }
}

/** Route config (`@RouteConfig(CACHED_BOOK_READ)`) of the route CachedBookReadHook answers. */
export const CACHED_BOOK_READ = { cachedBookRead: true } as const;

/** What the book routes answer: their JSON, in UTF-8. */
export const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';

/**
 * Answers `GET /api/v1/books/:id` for a book this instance holds in its BookCache straight from a
 * Fastify hook, before Nest's handler runs (its router context, pipes, exception zone and promise
 * chain were most of the gateway's CPU on the hot read: docs/BENCHMARKS.md). Anything else (a miss,
 * a malformed id, the cache off) goes on to the controller, which loads, validates and answers as
 * before.
 *
 * A `preParsing` hook, so every `onRequest` hook has already run: correlation id, security headers,
 * query-string check, CORS and the tracing span; the `onResponse` metrics hook runs after it as
 * after any answer. What it skips (body parsing: a GET has none; the request context of
 * `correlationContextHook`: it neither logs nor sends a message) the cached answer does not need.
 *
 * Most hits do not even reach Fastify: once the server is ready, EarlyBookAnswer answers them
 * before routing, replaying the answer this hook gave, learned from its first one. Not when a
 * diagnostic rides on Fastify's hooks for every request: the request line at LOG_LEVEL=debug, the
 * route span of @fastify/otel (registered when traces are exported).
 */
@Injectable()
export class CachedBookReadHook implements OnModuleInit {
  private readonly early: EarlyBookAnswer;

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly books: BookCache,
    @Inject(GATEWAY_CONFIG) private readonly config: Pick<GatewayConfig, 'LOG_LEVEL'>,
  ) {
    this.early = new EarlyBookAnswer(books);
  }

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    fastify.addHook('preParsing', (request, reply, payload, done) => {
      if (!this.answered(request, reply)) done(null, payload);
    });
    fastify.addHook('onReady', (done) => {
      if (this.config.LOG_LEVEL !== 'debug' && !fastify.hasPlugin('@fastify/otel'))
        answerBeforeRouting(fastify, this.early.answer);
      done();
    });
    fastify.addHook('preClose', (done) => {
      this.early.close();
      done();
    });
  }

  /** Sends the cached book when the route is the cached read and the book is in memory. */
  private answered(request: FastifyRequest, reply: FastifyReply): boolean {
    if (request.routeOptions.config.cachedBookRead !== true) return false;
    const id = (request.params as { id?: string }).id;
    if (id === undefined || !OBJECT_ID.test(id)) return false;
    const json = this.books.peekJson(id.toLowerCase());
    if (json === undefined) return false;
    void reply.header('content-type', JSON_CONTENT_TYPE);
    this.early.learn(request, reply, id);
    void reply.send(json);
    return true;
  }
}
