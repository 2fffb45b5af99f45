import type { Actor, NotificationDto } from '@bookstore/shared/contracts';
import { Injectable } from '@nestjs/common';

import { notificationNotFound } from '../../notifications.errors';
import { NotificationRepository } from '../../persistence/notification.repository';
import { toNotificationDto } from '../../persistence/to-notification-dto';

/** Marks one of the caller's notifications read; anyone else's (or a malformed id) is not found. */
@Injectable()
export class MarkReadHandler {
  constructor(private readonly notifications: NotificationRepository) {}

  async execute(actor: Actor, id: string): Promise<NotificationDto> {
    const doc = await this.notifications.markRead(id, actor.userId);
    if (!doc) throw notificationNotFound();
    return toNotificationDto(doc);
  }
}
