import { renderPasswordResetEmail } from '@bookstore/notifications/domain';
import type { EventEnvelope, UserPasswordResetRequestedPayload } from '@bookstore/shared/contracts';
import { Inject, Injectable } from '@nestjs/common';

import { AccountEmailDeliveryService } from '../../adapters/account-email-delivery.service';
import type { NotificationsConfig } from '../../config/notifications.config';
import { NOTIFICATIONS_CONFIG } from '../../notifications.tokens';

/**
 * E-mails the reset link to the account's address, once per event. No in-app notification: the
 * token is a secret and this service stores nothing that holds it.
 */
@Injectable()
export class PasswordResetRequestedHandler {
  constructor(
    private readonly delivery: AccountEmailDeliveryService,
    @Inject(NOTIFICATIONS_CONFIG) private readonly config: NotificationsConfig,
  ) {}

  execute(event: EventEnvelope<UserPasswordResetRequestedPayload>): Promise<void> {
    const { userId, email, token, expiresAt } = event.payload;
    return this.delivery.deliverOnce(
      { eventId: event.eventId, userId, type: event.type },
      email,
      renderPasswordResetEmail({ appUrl: this.config.APP_URL, token, expiresAt }),
    );
  }
}
