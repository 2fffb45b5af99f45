import { randomUUID } from 'node:crypto';

import { sessionsValidFromKey } from '@bookstore/shared/contracts';
import type { MessageEvent } from '@nestjs/common';
import { Redis } from 'ioredis';
import type { Observable } from 'rxjs';

import { TokenDenylist } from '../auth/token-denylist';
import { TokenRevocations } from '../auth/token-revocations';
import type { VerifiedAccessToken } from '../auth/verified-access-token';
import { GatewayConfig } from '../config/gateway.config';
import { NotificationStreamService } from './notification-stream.service';

/** Subscribes like Nest's SSE response does; `ended` tells whether the stream completed. */
function watch(stream: Observable<MessageEvent>) {
  const state = { ended: false };
  const subscription = stream.subscribe({ complete: () => (state.ended = true) });
  return { state, subscription };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('NotificationStreamService: a stream lives no longer than its access token', () => {
  const redis = new Redis(process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379', { maxRetriesPerRequest: 1 });
  const revocations = new TokenRevocations();
  // Not started: no broadcast subscription and no timer; the spec calls recheck() itself.
  const service = new NotificationStreamService(new GatewayConfig(), new TokenDenylist(redis), revocations);
  const watched: ReturnType<typeof watch>[] = [];
  const token = (overrides: Partial<VerifiedAccessToken> = {}): VerifiedAccessToken => ({
    jti: randomUUID(),
    userId: randomUUID(),
    exp: Math.floor(Date.now() / 1000) + 900,
    issuedAtMs: Date.now(),
    ...overrides,
  });
  const open = (verified: VerifiedAccessToken) => {
    const handle = watch(service.forUser(verified.userId, verified));
    watched.push(handle);
    return handle.state;
  };

  afterEach(() => {
    for (const handle of watched.splice(0)) handle.subscription.unsubscribe();
  });

  afterAll(async () => {
    await redis.quit();
  });

  it('ends the stream when its access token expires', async () => {
    const soon = open(token({ exp: Math.floor(Date.now() / 1000) + 1 }));
    const later = open(token());
    expect(service.openStreams).toBe(2);
    await sleep(2100);
    expect(soon.ended).toBe(true);
    expect(later.ended).toBe(false);
    expect(service.openStreams).toBe(1);
  });

  it("re-checks open streams in Redis: a logout elsewhere or a user's sessions mark ends them", async () => {
    const loggedOut = token();
    const revokedUser = randomUUID();
    const older = token({ userId: revokedUser, issuedAtMs: Date.now() - 10 });
    const newer = token({ userId: revokedUser, issuedAtMs: Date.now() + 10_000 });
    const untouched = token();
    const states = [loggedOut, older, newer, untouched].map(open);
    await redis.set(`auth:denylist:${loggedOut.jti}`, '1', 'EX', 60);
    await redis.set(sessionsValidFromKey(revokedUser), String(Date.now()), 'PX', 60_000);
    try {
      await service.recheck();
      expect(states.map((state) => state.ended)).toEqual([true, true, false, false]);
    } finally {
      await redis.del(`auth:denylist:${loggedOut.jti}`, sessionsValidFromKey(revokedUser));
    }
  });

  it('ends the streams of a token revoked on this instance, and of sessions revoked by an event', () => {
    const userId = randomUUID();
    const revoked = token({ userId });
    const sibling = token({ userId, issuedAtMs: Date.now() - 5 });
    const states = [revoked, sibling, token()].map(open);
    revocations.tokenRevoked(revoked.jti);
    expect(states.map((state) => state.ended)).toEqual([true, false, false]);
    service.endSessions(userId, Date.now());
    expect(states.map((state) => state.ended)).toEqual([true, true, false]);
  });
});
