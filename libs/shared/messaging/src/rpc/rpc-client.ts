import { randomUUID } from 'node:crypto';

import type { Actor, RpcRequest, ServiceName } from '@bookstore/shared/contracts';
import { DomainError, ErrorKind, isRpcErrorPayload } from '@bookstore/shared/contracts';
import { RequestContext } from '@bookstore/shared/platform';
import type { OnApplicationShutdown } from '@nestjs/common';
import { Injectable } from '@nestjs/common';
import { ClientRMQ, RmqRecordBuilder } from '@nestjs/microservices';
import { lastValueFrom, timeout, TimeoutError } from 'rxjs';

import { rpcClientOptions } from '../topology/rmq-options';

export interface RpcCallOptions {
  actor?: Actor;
  timeoutMs?: number;
}

/**
 * Request/reply to a service over RabbitMQ. Every call is bounded: the request expires in the queue
 * when the caller stops waiting (a late service never acts on an abandoned request), and a dead
 * service turns into a quick `unavailable` error rather than a hung HTTP request.
 */
@Injectable()
export class RpcClient implements OnApplicationShutdown {
  private readonly clients = new Map<ServiceName, ClientRMQ>();

  constructor(
    private readonly amqpUrl: string,
    private readonly defaultTimeoutMs: number,
  ) {}

  async send<TResult, TPayload = unknown>(
    service: ServiceName,
    pattern: string,
    payload: TPayload,
    options: RpcCallOptions = {},
  ): Promise<TResult> {
    const waitMs = options.timeoutMs ?? this.defaultTimeoutMs;
    const correlationId = RequestContext.correlationId() ?? randomUUID();
    const request: RpcRequest<TPayload> = { correlationId, actor: options.actor, payload };
    const record = new RmqRecordBuilder(request)
      .setOptions({ expiration: String(waitMs), headers: { 'x-correlation-id': correlationId } })
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
      client = new ClientRMQ(rpcClientOptions(this.amqpUrl, service));
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
