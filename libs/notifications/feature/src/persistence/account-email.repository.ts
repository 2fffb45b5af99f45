import { isDuplicateKey } from '@bookstore/shared/persistence';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';

import { SentAccountEmail } from './sent-account-email.schema';

/** Which account event's e-mail, for whom. */
export interface AccountEmailKey {
  eventId: string;
  userId: string;
  type: string;
}

/** The account e-mails sent, by event: at most one e-mail per event. */
@Injectable()
export class AccountEmailRepository {
  constructor(@InjectModel(SentAccountEmail.name) private readonly emails: Model<SentAccountEmail>) {}

  /**
   * Claims the right to send the event's e-mail in one upsert: it matches only an unsent record
   * with no live claim (one older than `staleBefore` is from a crashed attempt), and inserts the
   * record when there is none. When a record exists that the filter does not match (sent, or
   * claimed by a concurrent delivery), the upsert's insert hits the `_id` and E11000 says "not
   * yours". Returns the claim (its time), or null.
   */
  async claim(key: AccountEmailKey, staleBefore: Date): Promise<Date | null> {
    const claim = new Date();
    try {
      await this.emails
        .updateOne(
          {
            _id: key.eventId,
            sentAt: null,
            $or: [{ claimedAt: null }, { claimedAt: { $lt: staleBefore } }],
          },
          { $set: { claimedAt: claim }, $setOnInsert: { userId: key.userId, type: key.type } },
          { upsert: true },
        )
        .exec();
      return claim;
    } catch (error) {
      if (isDuplicateKey(error)) return null;
      throw error;
    }
  }

  /** Records that the e-mail went out: no later delivery claims it again. */
  async sent(eventId: string): Promise<void> {
    await this.emails.updateOne({ _id: eventId }, { $set: { sentAt: new Date(), claimedAt: null } }).exec();
  }

  /** Gives up `claim` after a failed send, so a redelivery may try again; a later claim stays. */
  async release(eventId: string, claim: Date): Promise<void> {
    await this.emails.updateOne({ _id: eventId, claimedAt: claim }, { $set: { claimedAt: null } }).exec();
  }
}
