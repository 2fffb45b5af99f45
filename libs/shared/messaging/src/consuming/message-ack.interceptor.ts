import { randomUUID } from 'node:crypto';

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
import { DEFAULT_MAX_ATTEMPTS } from '../topology/messaging.constants';
import { serviceQueues } from '../topology/service-queues';
import { InFlightTracker } from './in-flight.tracker';
import { PoisonMessageError } from './poison-message.error';
import { previousFailures, safely, sendConfirmed } from './rmq-message';

/**
 * Acknowledges every RabbitMQ message explicitly, after its handler finished (so after its effect
 * was stored), and runs the handler inside the message's correlation context.
 * - requests (they have `replyTo`): acked once the reply is produced, success or error; one past
 *   its deadline (`requestDeadline`) is refused before its handler runs, and the handler gets the
 *   deadline through `RequestContext` to check again before its first write;
 * - events: acked on success; on failure rejected into the retry queue (delayed redelivery) until
 *   the attempts run out, then parked in the dead-letter queue; poison goes there at once.
 */
@Injectable()
export class MessageAckInterceptor implements NestInterceptor {
  private readonly logger = new Logger('Messaging');

  constructor(
    private readonly service: string,
    private readonly tracker: InFlightTracker,
    private readonly maxAttempts = DEFAULT_MAX_ATTEMPTS,
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
              if (!isDeadlineExceeded(error)) return;
              outcome = 'expired';
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
    const attempt = previousFailures(message, queues.events) + 1;
    const reason = error instanceof Error ? error.message : String(error);
    const poison = error instanceof PoisonMessageError;
    if (!poison && attempt < this.maxAttempts) {
      this.logger.warn({ msg: 'event failed; will retry', pattern, attempt, error: reason });
      safely(() => channel.nack(message, false, false));
      messagesHandled.inc({ pattern, outcome: 'retry' });
      return EMPTY;
    }
    this.logger.error({ msg: 'event dead-lettered', pattern, attempt, poison, error: reason });
    const park = sendConfirmed(channel, queues.deadLetter, message.content, {
      persistent: true,
      messageId: message.properties.messageId,
      headers: {
        ...message.properties.headers,
        'x-original-routing-key': message.fields.routingKey,
        'x-failure-reason': reason.slice(0, 500),
        'x-attempts': attempt,
      },
    });
    return from(park).pipe(
      tap(() => {
        safely(() => channel.ack(message));
        messagesHandled.inc({ pattern, outcome: 'dead_letter' });
      }),
      catchError(() => {
        // Could not park it: leave it to redelivery rather than lose it.
        safely(() => channel.nack(message, false, true));
        return EMPTY;
      }),
      ignoreElements(),
    );
  }
}
