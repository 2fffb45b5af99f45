import type { NotificationCreatedPayload } from '@bookstore/shared/contracts';
import { NOTIFICATION_CREATED } from '@bookstore/shared/contracts';
import type { MessageEvent, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { Inject, Injectable } from '@nestjs/common';
import { filter, interval, map, merge, Observable, of, Subject } from 'rxjs';

import type { GatewayConfig } from '../config/gateway.config';
import { GATEWAY_CONFIG } from '../config/gateway.config';
import { BroadcastSubscription } from '../events/broadcast-subscription';

export const HEARTBEAT_MS = 15_000;

/**
 * Feeds the notification streams of this gateway instance. Every instance hears every
 * `notification.created` (a BroadcastSubscription) and pushes each one only to the open streams of
 * its user. Live delivery is best effort; the list endpoint is the record.
 */
@Injectable()
export class NotificationStreamService implements OnModuleInit, OnApplicationShutdown {
  private readonly created = new Subject<NotificationCreatedPayload>();
  private readonly subscription: BroadcastSubscription;
  private open = 0;

  constructor(@Inject(GATEWAY_CONFIG) config: GatewayConfig) {
    this.subscription = new BroadcastSubscription(config.AMQP_URL, [NOTIFICATION_CREATED], {
      onEvent: (envelope) => this.created.next(envelope.payload as NotificationCreatedPayload),
    });
  }

  onModuleInit(): void {
    this.subscription.start();
  }

  async onApplicationShutdown(): Promise<void> {
    this.created.complete();
    await this.subscription.stop();
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
}

/** An SSE comment line (`: text`), which clients ignore; Nest writes it when only `comment` is set. */
function comment(text: string): MessageEvent {
  return { comment: text } as MessageEvent;
}
