import type { EventEnvelope, UserSessionsRevokedPayload } from '@bookstore/shared/contracts';
import { USER_SESSIONS_REVOKED } from '@bookstore/shared/contracts';
import { EventPayloadPipe } from '@bookstore/shared/messaging';
import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';

import { SessionsRevokedHandler } from '../events/sessions-revoked/sessions-revoked.handler';

/** The events the auth service consumes from its own durable queue (acked after the handler). */
@Controller()
export class AuthEventsController {
  constructor(private readonly sessionsRevoked: SessionsRevokedHandler) {}

  @EventPattern(USER_SESSIONS_REVOKED)
  revoked(@Payload(EventPayloadPipe) event: EventEnvelope<UserSessionsRevokedPayload>): Promise<void> {
    return this.sessionsRevoked.execute(event);
  }
}
