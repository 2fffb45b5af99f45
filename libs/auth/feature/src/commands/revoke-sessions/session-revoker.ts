import type { SessionRevocationReason } from '@bookstore/shared/contracts';
import { USER_SESSIONS_REVOKED } from '@bookstore/shared/contracts';
import { createEnvelope } from '@bookstore/shared/messaging';
import { Injectable, Logger } from '@nestjs/common';

import { SessionMarks } from '../../adapters/session-marks';
import { RefreshTokensRepository } from '../../persistence/refresh-tokens.repository';
import type { SessionEndingChanges, StoredUser } from '../../persistence/users.repository';
import { UsersRepository } from '../../persistence/users.repository';

/**
 * Ends every session of a user at once (logout-all, role change, password reset). Auth is the
 * source of truth; the steps, in this order:
 * 1. one write on the user: `sessionsValidFrom` moves forward to now, the cause's own changes
 *    (`changes`: new roles, new password hash) and the event `user.sessions-revoked.v1` in its
 *    outbox. From here on the revocation is certain: the event is published even after a crash.
 * 2. every refresh token of the user issued until now is revoked (one `updateMany`);
 * 3. the Redis mark that makes the gateway refuse older access tokens is set, so the caller's next
 *    request already sees it.
 * Steps 2 and 3 are what the event's consumer in this service (SessionsRevokedHandler, on auth's
 * durable queue, acked after the writes) does again: should this request die after step 1, or
 * Redis fail for a moment, the consumer completes them. Auth, not the gateway, consumes it, as
 * auth knows the access-token lifetime the mark must outlive and a gateway may be down; every
 * gateway instance hears the event too, best effort, only to close that user's streams at once.
 */
@Injectable()
export class SessionRevoker {
  private readonly logger = new Logger(SessionRevoker.name);

  constructor(
    private readonly users: UsersRepository,
    private readonly refreshTokens: RefreshTokensRepository,
    private readonly marks: SessionMarks,
  ) {}

  /** Ends every session of `userId`; the user after it, or null when there is no such user. */
  async revokeAll(
    userId: string,
    reason: SessionRevocationReason,
    changes: SessionEndingChanges = {},
  ): Promise<StoredUser | null> {
    const notBefore = new Date();
    const revoked = createEnvelope(USER_SESSIONS_REVOKED, {
      userId,
      notBefore: notBefore.toISOString(),
      reason,
    });
    const user = await this.users.revokeSessions(userId, notBefore, revoked, changes);
    if (!user) return null;
    // "Until now", not until notBefore: a refresh that spent its token before step 1 and stores the
    // successor in the meantime loses that successor too.
    const now = new Date();
    await this.refreshTokens.revokeAllOfUser(userId, now, now);
    await this.marks.advance(userId, notBefore).catch((error: unknown) => {
      // The event's consumer sets it (retrying while Redis is away): late, but certain.
      this.logger.warn({ msg: 'setting the sessions mark failed; the consumer will', error: String(error) });
    });
    return user;
  }
}
