import { randomUUID } from 'node:crypto';

import { DomainError, ErrorKind } from '@bookstore/shared/contracts';
import type { RequestContextData } from '@bookstore/shared/platform';
import {
  deadlineExceeded,
  isDeadlineExceeded,
  messageDuration,
  messagesHandled,
  RequestContext,
} from '@bookstore/shared/platform';
import { CallHandler, ExecutionContext, Injectable, Logger, NestInterceptor } from '@nestjs/common';
import { RmqContext } from '@nestjs/microservices';
import { Channel, ConsumeMessage } from 'amqplib';
import { catchError, EMPTY, finalize, from, ignoreElements, Observable, tap, throwError } from 'rxjs';

import { requestDeadline } from '../rpc/request-deadline';
import { DEFAULT_RETRY_TIERS_MS, retryTierQueue } from '../topology/retry-tiers';
import { serviceQueues } from '../topology/service-queues';
import { describeConsumerSpan, recordConsumerFailure } from './consumer-span';
import { InFlightTracker } from './in-flight.tracker';
import { PoisonMessageError } from './poison-message.error';
import {
  ATTEMPTS_HEADER,
  failedAttempts,
  outages,
  OUTAGES_HEADER,
  safely,
  sendConfirmed,
} from './rmq-message';
import { isUnavailable } from './unavailable-failure';

/** Outage retries escalate through the first tiers only (1 s, then 10 s): an outage ends by itself. */
const OUTAGE_TIERS = 2;

/**
 * Acknowledges every RabbitMQ message explicitly, after its handler finished (so after its effect
 * was stored), and runs the handler inside the message's correlation context.
 * - requests (they have `replyTo`): acked once the reply is produced, success or error; one past
 *   its deadline (`requestDeadline`) is refused before its handler runs, and the handler gets the
 *   deadline through `RequestContext` to check again before its first write;
 * - events: acked on success; on failure moved to the retry tier of its attempt (1 s, 10 s, 1 min,
 *   10 min by default; the attempt count travels in a header), and parked in the dead-letter queue
 *   once every tier was used; poison goes there at once. A failure because a dependency is
 *   unavailable (`isUnavailable`) spends no attempt: the message waits and comes back, however long
 *   the outage lasts.
 */
@Injectable()
export class MessageAckInterceptor implements NestInterceptor {
  private readonly logger = new Logger('Messaging');

  constructor(
    private readonly service: string,
    private readonly tracker: InFlightTracker,
    private readonly retryTiersMs: readonly number[] = DEFAULT_RETRY_TIERS_MS,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'rpc') return next.handle();
    const rmq = context.switchToRpc().getContext<RmqContext>();
    const channel = rmq.getChannelRef() as Channel;
    const message = rmq.getMessage() as ConsumeMessage;
    const pattern = rmq.getPattern();
    if (!this.tracker.accepting) {
      // Shutting down: hand the message back for another instance instead of starting it.
      safely(() => channel.nack(message, false, true));
      return EMPTY;
    }
    const data = context.switchToRpc().getData<{ correlationId?: unknown }>();
    const correlationId =
      typeof data?.correlationId === 'string'
        ? data.correlationId
        : String(message.properties.headers?.['x-correlation-id'] ?? randomUUID());
    const isRequest = Boolean(message.properties.replyTo);
    const deadline = isRequest ? requestDeadline(message) : undefined;
    if (deadline !== undefined && Date.now() >= deadline) {
      return this.refuseExpired(channel, message, pattern, { correlationId, deadline });
    }
    describeConsumerSpan(pattern, correlationId);
    const stopTimer = messageDuration.startTimer({ pattern });
    this.tracker.start();

    // Created and subscribed inside the context so the handler's async work inherits the id and
    // the deadline (handlers check it again before their first write).
    const handled = new Observable<unknown>((subscriber) =>
      RequestContext.run({ correlationId, deadline }, () => next.handle().subscribe(subscriber)),
    );
    let outcome = 'ack';
    const settled = isRequest
      ? handled.pipe(
          tap({
            error: (error: unknown) => {
              outcome = requestFailure(error);
              if (outcome !== 'expired') return;
              this.logger.warn({ msg: 'request refused: past its deadline', pattern, correlationId });
            },
          }),
          finalize(() => {
            safely(() => channel.ack(message));
            messagesHandled.inc({ pattern, outcome });
          }),
        )
      : handled.pipe(
          tap({
            complete: () => {
              safely(() => channel.ack(message));
              messagesHandled.inc({ pattern, outcome: 'ack' });
            },
          }),
          catchError((error: unknown) =>
            RequestContext.run({ correlationId }, () => this.failEvent(channel, message, pattern, error)),
          ),
        );
    return settled.pipe(
      finalize(() => {
        stopTimer();
        this.tracker.done();
      }),
    );
  }

  /**
   * A request whose caller already stopped waiting: acked without running its handler, answered
   * with a `REQUEST.DEADLINE_EXCEEDED` error reply (read only by a caller whose clock lags the
   * service's, see `requestDeadline`; any other dropped it), counted and logged at warn.
   */
  private refuseExpired(
    channel: Channel,
    message: ConsumeMessage,
    pattern: string,
    context: RequestContextData & { deadline: number },
  ): Observable<never> {
    safely(() => channel.ack(message));
    messagesHandled.inc({ pattern, outcome: 'expired' });
    const now = Date.now();
    RequestContext.run(context, () =>
      this.logger.warn({
        msg: 'request refused: past its deadline',
        pattern,
        lateMs: now - context.deadline,
      }),
    );
    return throwError(() => deadlineExceeded(context.deadline, now));
  }

  private failEvent(channel: Channel, message: ConsumeMessage, pattern: string, error: unknown) {
    const queues = serviceQueues(this.service);
    const reason = error instanceof Error ? error.message : String(error);
    const poison = error instanceof PoisonMessageError;
    recordConsumerFailure(error);
    const failed = failedAttempts(message, queues.events);
    if (!poison && isUnavailable(error)) {
      const waited = outages(message);
      const tier = Math.min(waited, OUTAGE_TIERS - 1, this.retryTiersMs.length - 1);
      const delayMs = this.retryTiersMs[tier];
      this.logger.warn({
        msg: 'event failed on an outage; will retry',
        pattern,
        failed,
        delayMs,
        error: reason,
      });
      return this.forward(channel, message, pattern, 'retry', retryTierQueue(this.service, delayMs), {
        [ATTEMPTS_HEADER]: failed,
        [OUTAGES_HEADER]: waited + 1,
      });
    }
    const attempt = failed + 1;
    if (!poison && attempt <= this.retryTiersMs.length) {
      const delayMs = this.retryTiersMs[attempt - 1];
      this.logger.warn({ msg: 'event failed; will retry', pattern, attempt, delayMs, error: reason });
      return this.forward(channel, message, pattern, 'retry', retryTierQueue(this.service, delayMs), {
        [ATTEMPTS_HEADER]: attempt,
        [OUTAGES_HEADER]: 0,
      });
    }
    this.logger.error({ msg: 'event dead-lettered', pattern, attempt, poison, error: reason });
    return this.forward(channel, message, pattern, 'dead_letter', queues.deadLetter, {
      'x-failure-reason': reason.slice(0, 500),
      [ATTEMPTS_HEADER]: attempt,
    });
  }

  /**
   * Sends a copy of the message to `queue` (a retry tier or the dead-letter queue) with `headers`
   * added, and acks the original only once the broker confirmed the copy.
   */
  private forward(
    channel: Channel,
    message: ConsumeMessage,
    pattern: string,
    outcome: 'retry' | 'dead_letter',
    queue: string,
    headers: Record<string, unknown>,
  ): Observable<never> {
    // x-death describes the broker's dead-lettering of the ORIGINAL delivery; the copy starts afresh.
    const { 'x-death': _deaths, ...kept } = message.properties.headers ?? {};
    const sent = sendConfirmed(channel, queue, message.content, {
      persistent: true,
      messageId: message.properties.messageId,
      type: message.properties.type,
      contentType: message.properties.contentType,
      headers: { ...kept, 'x-original-routing-key': originalRoutingKey(message), ...headers },
    });
    return from(sent).pipe(
      tap(() => {
        safely(() => channel.ack(message));
        messagesHandled.inc({ pattern, outcome });
      }),
      catchError(() => {
        // Could not hand it on: leave it to redelivery rather than lose it.
        safely(() => channel.nack(message, false, true));
        return EMPTY;
      }),
      ignoreElements(),
    );
  }
}

/**
 * How a failed request counts in `bookstore_messages_handled_total`: `rejected` when the domain
 * refused it for a reason the caller caused (not found, conflict, validation…), which says nothing
 * about the service's health; `error` when the handler itself failed (a bug, a dependency down).
 */
function requestFailure(error: unknown): 'expired' | 'rejected' | 'error' {
  if (isDeadlineExceeded(error)) return 'expired';
  if (error instanceof DomainError && !SERVICE_FAILURES.includes(error.kind)) return 'rejected';
  return 'error';
}

const SERVICE_FAILURES: readonly ErrorKind[] = [ErrorKind.Internal, ErrorKind.Unavailable];

/** The event type it was published with (a retried copy arrives under its queue's name instead). */
function originalRoutingKey(message: ConsumeMessage): string {
  const kept = message.properties.headers?.['x-original-routing-key'];
  return typeof kept === 'string' ? kept : message.fields.routingKey;
}
