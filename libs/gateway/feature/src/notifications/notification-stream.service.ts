import type { NotificationCreatedPayload } from '@bookstore/shared/contracts';
import { NOTIFICATION_CREATED } from '@bookstore/shared/contracts';
import { EventPayloadPipe, EVENTS_EXCHANGE } from '@bookstore/shared/messaging';
import type { MessageEvent, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { AmqpConnectionManager, ChannelWrapper } from 'amqp-connection-manager';
import { connect } from 'amqp-connection-manager';
import type { ConfirmChannel, ConsumeMessage } from 'amqplib';
import { filter, interval, map, merge, Observable, of, Subject } from 'rxjs';

import type { GatewayConfig } from '../config/gateway.config';
import { GATEWAY_CONFIG } from '../config/gateway.config';

export const HEARTBEAT_MS = 15_000;

/**
 * Feeds the notification streams of this gateway instance. The gateway has no events queue of its
 * own: each instance binds an exclusive, auto-delete queue (gone with the instance) to
 * `notification.created`, so every instance sees every notification and pushes each one only to
 * the open streams of its user. Live delivery is best effort; the list endpoint is the record.
 */
@Injectable()
export class NotificationStreamService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(NotificationStreamService.name);
  private readonly created = new Subject<NotificationCreatedPayload>();
  private readonly pipe = new EventPayloadPipe();
  private connection?: AmqpConnectionManager;
  private channel?: ChannelWrapper;
  private open = 0;

  constructor(@Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig) {}

  onModuleInit(): void {
    this.connection = connect([this.config.AMQP_URL], {
      heartbeatIntervalInSeconds: 5,
      reconnectTimeInSeconds: 1,
    });
    // Runs again after every reconnect: a fresh server-named queue replaces the one that died.
    this.channel = this.connection.createChannel({
      json: false,
      setup: async (channel: ConfirmChannel) => {
        await channel.assertExchange(EVENTS_EXCHANGE, 'topic', { durable: true });
        const { queue } = await channel.assertQueue('', {
          exclusive: true,
          autoDelete: true,
          durable: false,
        });
        await channel.bindQueue(queue, EVENTS_EXCHANGE, NOTIFICATION_CREATED);
        await channel.consume(queue, (message) => this.receive(message), { noAck: true });
      },
    });
  }

  async onApplicationShutdown(): Promise<void> {
    this.created.complete();
    await this.channel?.close();
    await this.connection?.close();
  }

  /** The stream of one user: their new notifications, a heartbeat comment every 15 s. */
  forUser(userId: string): Observable<MessageEvent> {
    const notifications = this.created.pipe(
      filter((notification) => notification.userId === userId),
      map((notification): MessageEvent => ({
        id: notification.notificationId,
        type: 'notification',
        data: {
          id: notification.notificationId,
          type: notification.type,
          title: notification.title,
          body: notification.body,
          read: false,
          createdAt: notification.createdAt,
          data: notification.data,
        },
      })),
    );
    const heartbeat = interval(HEARTBEAT_MS).pipe(map((): MessageEvent => comment('heartbeat')));
    // The first comment commits the response headers, so the client knows the stream is open.
    const all = merge(of(comment('connected')), notifications, heartbeat);
    return new Observable<MessageEvent>((subscriber) => {
      this.open++;
      const subscription = all.subscribe(subscriber);
      // Runs when the client disconnects (Nest unsubscribes) or the gateway stops.
      return () => {
        this.open--;
        subscription.unsubscribe();
      };
    });
  }

  /** How many streams this instance serves right now. */
  get openStreams(): number {
    return this.open;
  }

  private receive(message: ConsumeMessage | null): void {
    if (!message) return;
    try {
      const packet = JSON.parse(message.content.toString()) as { data?: unknown };
      const envelope = this.pipe.transform(packet.data);
      this.created.next(envelope.payload as NotificationCreatedPayload);
    } catch (error) {
      this.logger.warn({
        msg: 'ignored a malformed notification.created message',
        error: error instanceof Error ? error.message : String(error),
      });
    }
  }
}

/** An SSE comment line (`: text`), which clients ignore; Nest writes it when only `comment` is set. */
function comment(text: string): MessageEvent {
  return { comment: text } as MessageEvent;
}
