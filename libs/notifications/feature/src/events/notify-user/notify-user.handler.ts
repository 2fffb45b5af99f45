import type { RenderedNotification } from '@bookstore/notifications/domain';
import type { EventEnvelope } from '@bookstore/shared/contracts';
import { NOTIFICATION_CREATED } from '@bookstore/shared/contracts';
import { createEnvelope } from '@bookstore/shared/messaging';
import { Injectable, Logger } from '@nestjs/common';
import { Types } from 'mongoose';

import { EmailDeliveryService } from '../../adapters/email-delivery.service';
import { NotificationRepository } from '../../persistence/notification.repository';
import { UserDirectoryRepository } from '../../persistence/user-directory.repository';

/**
 * Turns one event into one stored notification for one user (announced by `notification.created`,
 * for live streams) and its e-mail. Idempotent by itself: the notification's natural key is
 * `{userId, eventId}`, and the e-mail goes out at most once per notification, so a redelivered or
 * duplicated event, handled later or at the same time, stores and sends nothing new; a crash
 * between the steps leaves what the next delivery finishes.
 */
@Injectable()
export class NotifyUserHandler {
  private readonly logger = new Logger(NotifyUserHandler.name);

  constructor(
    private readonly notifications: NotificationRepository,
    private readonly directory: UserDirectoryRepository,
    private readonly email: EmailDeliveryService,
  ) {}

  async execute(event: EventEnvelope, userId: string, rendered: RenderedNotification): Promise<void> {
    const _id = new Types.ObjectId();
    const created = createEnvelope(NOTIFICATION_CREATED, {
      notificationId: _id.toHexString(),
      userId,
      type: rendered.type,
      title: rendered.title,
      body: rendered.body,
      createdAt: new Date().toISOString(),
      data: rendered.data,
    });
    const notification = await this.notifications.storeOnce(
      { _id, userId, eventId: event.eventId, ...rendered },
      created,
    );
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
    await this.email.deliver(notification, recipient);
  }
}
