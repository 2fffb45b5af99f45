import type { EventEnvelope, UserSessionsRevokedPayload } from '@bookstore/shared/contracts';
import { Injectable } from '@nestjs/common';

import { SessionMarks } from '../../adapters/session-marks';
import { RefreshTokensRepository } from '../../persistence/refresh-tokens.repository';

/**
 * Makes a stored revocation certain (SessionRevoker did the same at once, unless it died or Redis
 * failed): refresh tokens issued up to `notBefore` revoked, the gateway's Redis mark moved forward.
 * Idempotent (both writes only ever revoke more or move forward), so a redelivery changes nothing;
 * a failure throws, and the message is retried, then dead-lettered.
 */
@Injectable()
export class SessionsRevokedHandler {
  constructor(
    private readonly refreshTokens: RefreshTokensRepository,
    private readonly marks: SessionMarks,
  ) {}

  async execute(event: EventEnvelope<UserSessionsRevokedPayload>): Promise<void> {
    const { userId } = event.payload;
    const notBefore = new Date(event.payload.notBefore);
    await this.refreshTokens.revokeAllOfUser(userId, notBefore, new Date());
    await this.marks.advance(userId, notBefore);
  }
}
