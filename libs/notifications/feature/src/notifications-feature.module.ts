import { eventsConsumedBy } from '@bookstore/shared/contracts';
import { OutboxModule } from '@bookstore/shared/persistence';
import type { DynamicModule, Provider } from '@nestjs/common';
import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';

import { AccountEmailDeliveryService } from './adapters/account-email-delivery.service';
import { EmailDeliveryService } from './adapters/email-delivery.service';
import { MailSender } from './adapters/mail-sender';
import { MarkReadHandler } from './commands/mark-read/mark-read.handler';
import type { NotificationsConfig } from './config/notifications.config';
import { EmailVerificationRequestedHandler } from './events/email-verification-requested/email-verification-requested.handler';
import { NotifyUserHandler } from './events/notify-user/notify-user.handler';
import { PasswordResetRequestedHandler } from './events/password-reset-requested/password-reset-requested.handler';
import { UserRegisteredHandler } from './events/user-registered/user-registered.handler';
import { NOTIFICATIONS_CONFIG } from './notifications.tokens';
import { AccountEmailRepository } from './persistence/account-email.repository';
import { NotificationRepository } from './persistence/notification.repository';
import { Notification, NotificationSchema } from './persistence/notification.schema';
import { SentAccountEmail, SentAccountEmailSchema } from './persistence/sent-account-email.schema';
import { UserContact, UserContactSchema } from './persistence/user-contact.schema';
import { UserDirectoryRepository } from './persistence/user-directory.repository';
import { ListNotificationsHandler } from './queries/list-notifications/list-notifications.handler';
import { NotificationsEventsController } from './transport/notifications-events.controller';
import { NotificationsRpcController } from './transport/notifications-rpc.controller';

/** Event types the notifications service consumes (their EventDoc names it); its events queue is bound to exactly these. */
export const NOTIFICATIONS_SUBSCRIPTIONS: readonly string[] = eventsConsumedBy('notifications');

const MODELS = MongooseModule.forFeature([
  { name: Notification.name, schema: NotificationSchema },
  { name: UserContact.name, schema: UserContactSchema },
  { name: SentAccountEmail.name, schema: SentAccountEmailSchema },
]);

const PROVIDERS: Provider[] = [
  {
    provide: MailSender,
    inject: [NOTIFICATIONS_CONFIG],
    useFactory: (config: NotificationsConfig) =>
      new MailSender({ smtpUrl: config.SMTP_URL, from: config.MAIL_FROM, mailDir: config.MAIL_DIR }),
  },
  NotificationRepository,
  UserDirectoryRepository,
  EmailDeliveryService,
  AccountEmailRepository,
  AccountEmailDeliveryService,
  PasswordResetRequestedHandler,
  EmailVerificationRequestedHandler,
  NotifyUserHandler,
  UserRegisteredHandler,
  ListNotificationsHandler,
  MarkReadHandler,
];

/** The notifications service: a user's notifications and their e-mails, from the events it consumes. */
@Module({})
export class NotificationsFeatureModule {
  static forRoot(config: NotificationsConfig): DynamicModule {
    return {
      module: NotificationsFeatureModule,
      // Notifications carry an outbox (`notification.created`); contacts do not.
      imports: [MODELS, OutboxModule.forFeature([Notification.name], [MODELS])],
      controllers: [NotificationsEventsController, NotificationsRpcController],
      providers: [{ provide: NOTIFICATIONS_CONFIG, useValue: config }, ...PROVIDERS],
    };
  }
}
