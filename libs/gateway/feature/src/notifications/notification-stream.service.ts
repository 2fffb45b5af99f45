import type { NotificationCreatedPayload, UserSessionsRevokedPayload } from '@bookstore/shared/contracts';
import { NOTIFICATION_CREATED, USER_SESSIONS_REVOKED } from '@bookstore/shared/contracts';
import type { MessageEvent, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Subscription } from 'rxjs';
import { filter, interval, map, merge, Observable, of, Subject } from 'rxjs';

import { TokenDenylist } from '../auth/token-denylist';
import { TokenRevocations } from '../auth/token-revocations';
import type { VerifiedAccessToken } from '../auth/verified-access-token';
import type { GatewayConfig } from '../config/gateway.config';
import { GATEWAY_CONFIG } from '../config/gateway.config';
import { BroadcastSubscription } from '../events/broadcast-subscription';

export const HEARTBEAT_MS = 15_000;

/** What the streams relay: new notifications, and revocations that end a user's streams. */
export const NOTIFICATION_STREAM_EVENTS = [NOTIFICATION_CREATED, USER_SESSIONS_REVOKED] as const;

/** Tokens re-checked per Redis MGET (two keys each), so one call stays small. */
const RECHECK_BATCH = 500;

/** One open stream: the access token that opened it, and how to end it. */
interface OpenStream {
  token: VerifiedAccessToken;
  end(): void;
}

/**
 * Feeds the notification streams of this gateway instance. Every instance hears every
 * `notification.created` (a BroadcastSubscription) and pushes each one only to the open streams of
 * its user. Live delivery is best effort; the list endpoint is the record.
 *
 * A stream lives no longer than the access token that opened it:
 * - at the token's expiry a timer ends it;
 * - a logout on this instance ends the token's streams at once (TokenRevocations);
 * - `user.sessions-revoked` (logout-all, role change, password reset), heard by every instance,
 *   ends the user's streams opened with tokens issued before it;
 * - every STREAM_REVOCATION_CHECK_MS the tokens of all open streams are checked against the
 *   denylist and sessions marks in Redis, which is what reaches a logout on another instance and
 *   any event this instance missed (the broadcast is best effort). When Redis cannot answer, the
 *   streams stay and the next round tries again: ending them all would only turn a Redis hiccup
 *   into a reconnect storm that the guard answers with 503 anyway.
 */
@Injectable()
export class NotificationStreamService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(NotificationStreamService.name);
  private readonly created = new Subject<NotificationCreatedPayload>();
  private readonly subscription: BroadcastSubscription;
  private readonly streams = new Set<OpenStream>();
  private readonly revocations: Subscription;
  private recheckTimer?: NodeJS.Timeout;
  private rechecking = false;

  constructor(
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    private readonly denylist: TokenDenylist,
    tokenRevocations: TokenRevocations,
  ) {
    this.subscription = new BroadcastSubscription(config.AMQP_URL, NOTIFICATION_STREAM_EVENTS, {
      onEvent: (envelope) => {
        if (envelope.type === USER_SESSIONS_REVOKED) {
          const { userId, notBefore } = envelope.payload as UserSessionsRevokedPayload;
          this.endSessions(userId, Date.parse(notBefore));
        } else {
          this.created.next(envelope.payload as NotificationCreatedPayload);
        }
      },
    });
    this.revocations = tokenRevocations.revokedJtis.subscribe((jti) => this.endToken(jti));
  }

  onModuleInit(): void {
    this.subscription.start();
    this.recheckTimer = setInterval(() => void this.recheck(), this.config.STREAM_REVOCATION_CHECK_MS);
    this.recheckTimer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.recheckTimer);
    this.revocations.unsubscribe();
    this.created.complete();
    await this.subscription.stop();
  }

  /**
   * The stream of one user, opened with `token`: their new notifications, a heartbeat comment
   * every 15 s; it ends when the token expires or is revoked.
   */
  forUser(userId: string, token: VerifiedAccessToken): Observable<MessageEvent> {
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
      const stream: OpenStream = { token, end: () => subscriber.complete() };
      this.streams.add(stream);
      const expiry = setTimeout(() => stream.end(), Math.max(0, token.exp * 1000 - Date.now()));
      const subscription = all.subscribe(subscriber);
      // Runs when the stream ends, the client disconnects (Nest unsubscribes) or the gateway stops.
      return () => {
        this.streams.delete(stream);
        clearTimeout(expiry);
        subscription.unsubscribe();
      };
    });
  }

  /** How many streams this instance serves right now. */
  get openStreams(): number {
    return this.streams.size;
  }

  /** Ends this instance's streams opened with the access token `jti` (it was revoked). */
  endToken(jti: string): void {
    this.endWhere((token) => token.jti === jti);
  }

  /** Ends this instance's streams of `userId` opened with tokens issued before `notBeforeMs`. */
  endSessions(userId: string, notBeforeMs: number): void {
    this.endWhere((token) => token.userId === userId && token.issuedAtMs < notBeforeMs);
  }

  /** Checks every open stream's token in Redis (batched MGETs) and ends the revoked ones. */
  async recheck(): Promise<void> {
    if (this.rechecking || this.streams.size === 0) return;
    this.rechecking = true;
    try {
      const open = [...this.streams];
      for (let i = 0; i < open.length; i += RECHECK_BATCH) {
        const batch = open.slice(i, i + RECHECK_BATCH);
        const revoked = await this.denylist.revokedAmong(batch.map((stream) => stream.token));
        batch.forEach((stream, j) => revoked[j] && stream.end());
      }
    } catch (error) {
      this.logger.warn({ msg: 're-checking the open streams failed; next round', error: String(error) });
    } finally {
      this.rechecking = false;
    }
  }

  private endWhere(revoked: (token: VerifiedAccessToken) => boolean): void {
    for (const stream of [...this.streams]) if (revoked(stream.token)) stream.end();
  }
}

/** An SSE comment line (`: text`), which clients ignore; Nest writes it when only `comment` is set. */
function comment(text: string): MessageEvent {
  return { comment: text } as MessageEvent;
}
