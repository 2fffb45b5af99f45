import type { EventEnvelope } from '@bookstore/shared/contracts';
import { InjectOutbox, OutboxCollection } from '@bookstore/shared/persistence';
import { Injectable } from '@nestjs/common';
import type { Types } from 'mongoose';

import { Notification } from './notification.schema';

const OBJECT_ID = /^[0-9a-f]{24}$/i;
const PROJECTION = { outbox: 0 };

export type NotificationDoc = Notification & { _id: unknown };

export interface NewNotification {
  _id: Types.ObjectId;
  userId: string;
  eventId: string;
  type: string;
  title: string;
  body: string;
  data: Record<string, unknown>;
}

/** The notifications collection; every write is one single-document operation. */
@Injectable()
export class NotificationRepository {
  constructor(
    @InjectOutbox(Notification.name) private readonly notifications: OutboxCollection<Notification>,
  ) {}

  /**
   * Stores the notification with its `notification.created` event in one insert, or returns the
   * one this event already stored for this user: the unique `{userId, eventId}` index refuses a
   * second, so of concurrent copies of one event exactly one stores (and announces) it.
   */
  async storeOnce(notification: NewNotification, created: EventEnvelope): Promise<NotificationDoc> {
    const stored = await this.notifications.insert(notification, [created]);
    if (stored) return stored as NotificationDoc;
    const existing = await this.notifications.model
      .findOne({ userId: notification.userId, eventId: notification.eventId }, PROJECTION)
      .lean<NotificationDoc>()
      .exec();
    if (!existing) throw new Error(`notification of event ${notification.eventId} refused but not stored`);
    return existing;
  }

  async listForUser(
    userId: string,
    page: number,
    limit: number,
  ): Promise<{ items: NotificationDoc[]; total: number }> {
    const [items, total] = await Promise.all([
      this.notifications.model
        .find({ userId }, PROJECTION)
        .sort({ createdAt: -1, _id: -1 })
        .skip((page - 1) * limit)
        .limit(limit)
        .lean<NotificationDoc[]>()
        .exec(),
      this.notifications.model.countDocuments({ userId }).exec(),
    ]);
    return { items, total };
  }

  /** Marks the user's own notification read; null when there is no such notification of theirs. */
  async markRead(id: string, userId: string): Promise<NotificationDoc | null> {
    if (!OBJECT_ID.test(id)) return null;
    // Conditional on `read: false`, so a repeated mark keeps the first `readAt`.
    await this.notifications.model
      .updateOne({ _id: id, userId, read: false }, { $set: { read: true, readAt: new Date() } })
      .exec();
    return this.notifications.model.findOne({ _id: id, userId }, PROJECTION).lean<NotificationDoc>().exec();
  }

  /**
   * Claims the right to send the e-mail, in one conditional update: only when it was not sent and
   * nobody else is sending (a claim older than `staleBefore` is from a crashed attempt and may be
   * taken over). Returns the claim (its time), or null when another holds it or it was sent.
   */
  async claimEmail(id: unknown, staleBefore: Date): Promise<Date | null> {
    const claim = new Date();
    const claimed = await this.notifications.model
      .updateOne(
        {
          _id: id,
          emailSentAt: { $exists: false },
          $or: [{ emailClaimedAt: { $exists: false } }, { emailClaimedAt: { $lt: staleBefore } }],
        },
        { $set: { emailClaimedAt: claim } },
      )
      .exec();
    return claimed.modifiedCount === 1 ? claim : null;
  }

  /** Records that the e-mail went out: no later delivery claims it again. */
  async emailSent(id: unknown): Promise<void> {
    await this.notifications.model
      .updateOne({ _id: id }, { $set: { emailSentAt: new Date() }, $unset: { emailClaimedAt: 1 } })
      .exec();
  }

  /** Gives up `claim` after a failed send, so a redelivery may try again; a later claim stays. */
  async releaseEmailClaim(id: unknown, claim: Date): Promise<void> {
    await this.notifications.model
      .updateOne({ _id: id, emailClaimedAt: claim }, { $unset: { emailClaimedAt: 1 } })
      .exec();
  }
}
