import { IsISO8601, IsMongoId, IsObject, IsString } from 'class-validator';

import { EventDoc } from './event-doc.decorator';

export const NOTIFICATION_CREATED = 'notification.created.v1' as const;

@EventDoc({
  summary: 'A notification was stored for a user.',
  description: "The gateway pushes it to that user's open streams.",
  producer: 'notifications',
  consumers: ['gateway'],
})
export class NotificationCreatedPayload {
  @IsMongoId()
  notificationId!: string;

  @IsMongoId()
  userId!: string;

  @IsString()
  type!: string;

  @IsString()
  title!: string;

  @IsString()
  body!: string;

  @IsISO8601()
  createdAt!: string;

  @IsObject()
  data!: Record<string, unknown>;
}
