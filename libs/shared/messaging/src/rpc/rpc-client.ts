import { randomUUID } from 'node:crypto';

import type { Actor, RpcRequest, ServiceName } from '@bookstore/shared/contracts';
import { DomainError, ErrorKind, isRpcErrorPayload } from '@bookstore/shared/contracts';
import { deadlineExceeded, RequestContext } from '@bookstore/shared/platform';
import type { OnApplicationShutdown } from '@nestjs/common';
import { Injectable } from '@nestjs/common';
import type { ClientRMQ } from '@nestjs/microservices';
import { RmqRecordBuilder } from '@nestjs/microservices';
import { lastValueFrom, timeout, TimeoutError } from 'rxjs';

import { rpcClientOptions } from '../topology/rmq-options';
import { ExchangeRepliesClient } from './exchange-replies';
import { DEADLINE_HEADER } from './request-deadline';

export interface RpcCallOptions {
  /**
   * The user the call is made for: the access token of the request being handled
   * (`RequestContext.accessToken()`) goes with it, and the service derives the actor from that
   * token, not from this field. Calls a service makes on its own behalf pass none.
   */
  actor?: Actor;
  timeoutMs?: number;
}

/**
 * Request/reply to a service over RabbitMQ. Every call is bounded: the request carries its deadline
 * (`x-deadline`, epoch ms, see `requestDeadline` for clock skew) and expires in the queue when the
 * caller stops waiting; the service refuses it once the deadline passed, even when it already got
 * it (`MessageAckInterceptor`, and handlers again before their first write), so a late service
 * never acts on an abandoned request. A dead service turns into a quick `unavailable` error rather
 * than a hung HTTP request. A call made while handling a request inherits that request's deadline
 * when it is earlier than its own timeout.
 */
@Injectable()
export class RpcClient implements OnApplicationShutdown {
  private readonly clients = new Map<ServiceName, ClientRMQ>();

  constructor(
    private readonly amqpUrls: readonly string[],
    private readonly defaultTimeoutMs: number,
  ) {}

  async send<TResult, TPayload = unknown>(
    service: ServiceName,
    pattern: string,
    payload: TPayload,
    options: RpcCallOptions = {},
  ): Promise<TResult> {
    // A call made while handling a request never outlives that request's own deadline.
    const now = Date.now();
    const deadline = Math.min(
      now + (options.timeoutMs ?? this.defaultTimeoutMs),
      RequestContext.deadline() ?? Infinity,
    );
    const waitMs = deadline - now;
    if (waitMs <= 0) throw deadlineExceeded(deadline, now);
    const correlationId = RequestContext.correlationId() ?? randomUUID();
    const accessToken = options.actor ? RequestContext.accessToken() : undefined;
    const request: RpcRequest<TPayload> = { correlationId, actor: options.actor, accessToken, payload };
    const record = new RmqRecordBuilder(request)
      .setOptions({
        expiration: String(waitMs),
        headers: { 'x-correlation-id': correlationId, [DEADLINE_HEADER]: String(deadline) },
      })
      .build();
    try {
      return await lastValueFrom(this.client(service).send<TResult>(pattern, record).pipe(timeout(waitMs)));
    } catch (error) {
      throw toDomainError(service, waitMs, error);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([...this.clients.values()].map((client) => client.close()));
  }

  private client(service: ServiceName): ClientRMQ {
    let client = this.clients.get(service);
    if (!client) {
      client = new ExchangeRepliesClient(rpcClientOptions(this.amqpUrls, service));
      this.clients.set(service, client);
    }
    return client;
  }
}

function toDomainError(service: ServiceName, waitMs: number, error: unknown): DomainError {
  if (error instanceof DomainError) return error;
  if (error instanceof TimeoutError) {
    return new DomainError(
      ErrorKind.Unavailable,
      'UPSTREAM.TIMEOUT',
      `${service} did not answer within ${waitMs} ms`,
      { service },
    );
  }
  if (isRpcErrorPayload(error)) {
    const messages = Array.isArray(error.message) ? error.message : undefined;
    return new DomainError(
      error.kind,
      error.code,
      messages ? messages.join('; ') : String(error.message),
      messages ? { ...error.details, messages } : error.details,
    );
  }
  return new DomainError(ErrorKind.Unavailable, 'UPSTREAM.UNAVAILABLE', `${service} is unavailable`, {
    service,
  });
}
