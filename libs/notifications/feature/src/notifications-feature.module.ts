import {
  ORDER_CANCELLED,
  ORDER_CONFIRMED,
  ORDER_DELIVERED,
  ORDER_REJECTED,
  ORDER_SHIPPED,
  USER_REGISTERED,
} from '@bookstore/shared/contracts';
import { InboxModule, lockedOutboxRelayProvider } from '@bookstore/shared/messaging';
import type { DynamicModule } from '@nestjs/common';
import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';

import { MarkReadHandler } from './commands/mark-read/mark-read.handler';
import type { NotificationsConfig } from './config/notifications.config';
import { NotifyHandler } from './consuming/notify.handler';
import { EmailDeliveryService } from './mail/email-delivery.service';
import { MailSender } from './mail/mail-sender';
import { NOTIFICATIONS_CONFIG, NOTIFICATIONS_OUTBOX_RELAY } from './notifications.tokens';
import { notificationLock, NotificationRepository } from './persistence/notification.repository';
import { Notification, NotificationSchema } from './persistence/notification.schema';
import { UserContact, UserContactSchema } from './persistence/user-contact.schema';
import { UserDirectoryRepository } from './persistence/user-directory.repository';
import { ListNotificationsHandler } from './queries/list-notifications/list-notifications.handler';
import { NotificationEventsController } from './transport/notification-events.controller';
import { NotificationsRpcController } from './transport/notifications-rpc.controller';

/** Event types the notifications service consumes; its events queue is bound to exactly these. */
export const NOTIFICATIONS_SUBSCRIPTIONS: readonly string[] = [
  USER_REGISTERED,
  ORDER_CONFIRMED,
  ORDER_REJECTED,
  ORDER_CANCELLED,
  ORDER_SHIPPED,
  ORDER_DELIVERED,
];

/** The notifications service's use cases: message handlers, persistence and domain wiring. */
@Module({})
export class NotificationsFeatureModule {
  static forRoot(config: NotificationsConfig): DynamicModule {
    return {
      module: NotificationsFeatureModule,
      imports: [
        MongooseModule.forFeature([
          { name: Notification.name, schema: NotificationSchema },
          { name: UserContact.name, schema: UserContactSchema },
        ]),
        InboxModule,
      ],
      controllers: [NotificationEventsController, NotificationsRpcController],
      providers: [
        { provide: NOTIFICATIONS_CONFIG, useValue: config },
        {
          provide: MailSender,
          useFactory: () =>
            new MailSender({ smtpUrl: config.SMTP_URL, from: config.MAIL_FROM, mailDir: config.MAIL_DIR }),
        },
        lockedOutboxRelayProvider(NOTIFICATIONS_OUTBOX_RELAY, [
          { model: Notification.name, lockKey: notificationLock },
        ]),
        NotificationRepository,
        UserDirectoryRepository,
        EmailDeliveryService,
        NotifyHandler,
        ListNotificationsHandler,
        MarkReadHandler,
      ],
    };
  }
}
