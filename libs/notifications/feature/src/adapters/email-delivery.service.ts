import { greeting } from '@bookstore/notifications/domain';
import { Injectable, Logger } from '@nestjs/common';

import type { NotificationDoc } from '../persistence/notification.repository';
import { NotificationRepository } from '../persistence/notification.repository';
import type { Contact } from '../persistence/user-directory.repository';
import { MailSender } from './mail-sender';

/** A send that took longer than this is presumed crashed; its claim may be taken over. */
const CLAIM_TTL_MS = 5 * 60_000;

/**
 * Sends a notification's e-mail once: claim (a conditional update only one concurrent delivery
 * wins), send, record `emailSentAt`. A failed send releases the claim and throws, so the event is
 * retried and the e-mail tried again; a delivery that finds it sent, or claimed, sends nothing.
 */
@Injectable()
export class EmailDeliveryService {
  private readonly logger = new Logger(EmailDeliveryService.name);

  constructor(
    private readonly notifications: NotificationRepository,
    private readonly sender: MailSender,
  ) {}

  async deliver(notification: NotificationDoc, recipient: Contact): Promise<void> {
    if (notification.emailSentAt) return;
    const id = String(notification._id);
    const claim = await this.notifications.claimEmail(notification._id, new Date(Date.now() - CLAIM_TTL_MS));
    if (!claim) return;
    try {
      await this.sender.send({
        id,
        to: recipient.email,
        subject: notification.title,
        // The name is the user's own text: greeting() leaves out what could become a link.
        text: `${greeting(recipient.name)},\n\n${notification.body}\n\nThe Bookstore`,
      });
    } catch (error) {
      await this.notifications.releaseEmailClaim(notification._id, claim);
      this.logger.warn({ msg: 'e-mail failed; the event will be retried', notificationId: id });
      throw error;
    }
    await this.notifications.emailSent(notification._id);
  }
}
