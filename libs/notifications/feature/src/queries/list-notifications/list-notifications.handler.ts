import type { Actor, NotificationPageDto, PaginationQuery } from '@bookstore/shared/contracts';
import { Injectable } from '@nestjs/common';

import { NotificationRepository } from '../../persistence/notification.repository';
import { toNotificationDto } from '../../persistence/to-notification-dto';

/** The caller's own notifications, newest first. */
@Injectable()
export class ListNotificationsHandler {
  constructor(private readonly notifications: NotificationRepository) {}

  async execute(actor: Actor, query: PaginationQuery): Promise<NotificationPageDto> {
    const { items, total } = await this.notifications.listForUser(actor.userId, query.page, query.limit);
    return { items: items.map(toNotificationDto), total, page: query.page, limit: query.limit };
  }
}
