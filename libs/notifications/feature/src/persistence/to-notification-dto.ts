import type { NotificationDto } from '@bookstore/shared/contracts';

import type { Notification } from './notification.schema';

/** The API shape of a notification. */
export function toNotificationDto(doc: Notification & { _id: unknown }): NotificationDto {
  return {
    id: String(doc._id),
    type: doc.type,
    title: doc.title,
    body: doc.body,
    read: doc.read,
    createdAt: new Date(doc.createdAt).toISOString(),
    data: doc.data ?? {},
  };
}
