import type { RenderedNotification } from '@bookstore/notifications/domain';
import type { EventEnvelope } from '@bookstore/shared/contracts';
import { NOTIFICATION_CREATED } from '@bookstore/shared/contracts';
import { createEnvelope, OutboxRelay } from '@bookstore/shared/messaging';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { Types } from 'mongoose';

import { EmailDeliveryService } from '../mail/email-delivery.service';
import { NOTIFICATIONS_OUTBOX_RELAY } from '../notifications.tokens';
import { NotificationRepository } from '../persistence/notification.repository';
import { Notification } from '../persistence/notification.schema';
import { UserDirectoryRepository } from '../persistence/user-directory.repository';

/**
 * Turns one event into one stored notification for one user (announced by `notification.created`
 * through the outbox, for live streams) and its e-mail. Both steps are keyed by the event id, so a
 * redelivery stores and sends nothing new.
 */
@Injectable()
export class NotifyHandler {
  private readonly logger = new Logger(NotifyHandler.name);

  constructor(
    private readonly notifications: NotificationRepository,
    private readonly directory: UserDirectoryRepository,
    private readonly email: EmailDeliveryService,
    @Inject(NOTIFICATIONS_OUTBOX_RELAY) private readonly relay: OutboxRelay,
  ) {}

  async notify(event: EventEnvelope, userId: string, rendered: RenderedNotification): Promise<void> {
    const id = new Types.ObjectId().toHexString();
    const created = createEnvelope(NOTIFICATION_CREATED, {
      notificationId: id,
      userId,
      type: rendered.type,
      title: rendered.title,
      body: rendered.body,
      createdAt: new Date().toISOString(),
      data: rendered.data,
    });
    const { doc, isNew } = await this.notifications.storeOnce(
      { id, userId, eventId: event.eventId, ...rendered },
      created,
    );
    if (isNew) this.relay.kick({ model: Notification.name, id });
    const recipient = await this.directory.find(userId);
    if (!recipient) {
      // Users that never registered through the API (the seeded admin) have no address here.
      this.logger.warn({
        msg: 'no e-mail address known for user; e-mail skipped',
        userId,
        type: rendered.type,
      });
      return;
    }
    await this.email.deliver(doc, recipient);
  }
}
