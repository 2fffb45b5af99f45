import type { Actor, NotificationDto } from '@bookstore/shared/contracts';
import { DomainError } from '@bookstore/shared/contracts';
import { Injectable } from '@nestjs/common';

import { NotificationRepository } from '../../persistence/notification.repository';
import { toNotificationDto } from '../../persistence/to-notification-dto';

/** Marks one of the caller's notifications read; anyone else's (or a malformed id) is not found. */
@Injectable()
export class MarkReadHandler {
  constructor(private readonly notifications: NotificationRepository) {}

  async execute(actor: Actor, id: string): Promise<NotificationDto> {
    const doc = await this.notifications.markRead(id, actor.userId);
    if (!doc) throw DomainError.notFound('NOTIFICATION.NOT_FOUND', 'Notification not found');
    return toNotificationDto(doc);
  }
}
