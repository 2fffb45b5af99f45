import { Module } from '@nestjs/common';

import { NotificationStreamService } from './notification-stream.service';
import { NotificationsController } from './notifications.controller';

/** The public `/api/v1/notifications` routes: RPC to the notifications service, and the live stream. */
@Module({ controllers: [NotificationsController], providers: [NotificationStreamService] })
export class NotificationsRoutesModule {}
