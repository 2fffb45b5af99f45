import type { AccountEmail } from '@bookstore/notifications/domain';
import { Injectable, Logger } from '@nestjs/common';

import type { AccountEmailKey } from '../persistence/account-email.repository';
import { AccountEmailRepository } from '../persistence/account-email.repository';
import { MailSender } from './mail-sender';

/** A send that took longer than this is presumed crashed; its claim may be taken over. */
const CLAIM_TTL_MS = 5 * 60_000;

/**
 * Sends the e-mail of one account event once: claim (one upsert only one concurrent delivery
 * wins), send, record. A failed send releases the claim and throws, so the event is retried. The
 * message is rendered from the event on every attempt and never stored: it carries a secret link.
 * Logs name the event, never the address's link or token.
 */
@Injectable()
export class AccountEmailDeliveryService {
  private readonly logger = new Logger(AccountEmailDeliveryService.name);

  constructor(
    private readonly emails: AccountEmailRepository,
    private readonly sender: MailSender,
  ) {}

  async deliverOnce(key: AccountEmailKey, to: string, email: AccountEmail): Promise<void> {
    const claim = await this.emails.claim(key, new Date(Date.now() - CLAIM_TTL_MS));
    if (!claim) return;
    try {
      await this.sender.send({ id: key.eventId, to, subject: email.subject, text: email.text });
    } catch (error) {
      await this.emails.release(key.eventId, claim);
      this.logger.warn({ msg: 'account e-mail failed; the event will be retried', eventId: key.eventId });
      throw error;
    }
    await this.emails.sent(key.eventId);
  }
}
