import type { EventEnvelope } from '@bookstore/shared/contracts';
import { DocumentLocks } from '@bookstore/shared/messaging';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';

import { Notification } from './notification.schema';

const DUPLICATE_KEY = 11000;
const OBJECT_ID = /^[0-9a-f]{24}$/i;
const PROJECTION = { outbox: 0 };

export type NotificationDoc = Notification & { _id: unknown };

export interface NewNotification {
  id: string;
  userId: string;
  eventId: string;
  type: string;
  title: string;
  body: string;
  data: Record<string, unknown>;
}

/** The lock key of a notification document, shared by its updates and the outbox relay. */
export const notificationLock = (id: string) => `notification:${id}`;

/** The notifications collection; every write is one single-document operation. */
@Injectable()
export class NotificationRepository {
  constructor(
    @InjectModel(Notification.name) private readonly notifications: Model<Notification>,
    private readonly locks: DocumentLocks,
  ) {}

  /**
   * Stores the notification with its `notification.created` event in one insert, or returns the
   * one this event already stored for this user (a redelivery).
   */
  async storeOnce(
    notification: NewNotification,
    created: EventEnvelope,
  ): Promise<{ doc: NotificationDoc; isNew: boolean }> {
    const { id, ...fields } = notification;
    try {
      const doc = await this.notifications.create({ _id: id, ...fields, outbox: [created] });
      return { doc: doc.toObject() as NotificationDoc, isNew: true };
    } catch (error) {
      if ((error as { code?: number }).code !== DUPLICATE_KEY) throw error;
      const existing = await this.notifications
        .findOne({ userId: notification.userId, eventId: notification.eventId }, PROJECTION)
        .lean<NotificationDoc>()
        .exec();
      if (!existing) throw error;
      return { doc: existing, isNew: false };
    }
  }

  async listForUser(
    userId: string,
    page: number,
    limit: number,
  ): Promise<{ items: NotificationDoc[]; total: number }> {
    const [items, total] = await Promise.all([
      this.notifications
        .find({ userId }, PROJECTION)
        .sort({ createdAt: -1, _id: -1 })
        .skip((page - 1) * limit)
        .limit(limit)
        .lean<NotificationDoc[]>()
        .exec(),
      this.notifications.countDocuments({ userId }).exec(),
    ]);
    return { items, total };
  }

  /** Marks the user's own notification read; null when there is no such notification of theirs. */
  async markRead(id: string, userId: string): Promise<NotificationDoc | null> {
    if (!OBJECT_ID.test(id)) return null;
    // updateOne + findOne rather than findOneAndUpdate with a projection, which FerretDB lacks.
    await this.locks.run(notificationLock(id), () =>
      this.notifications
        .updateOne({ _id: id, userId, read: false }, { $set: { read: true, readAt: new Date() } })
        .exec(),
    );
    return this.notifications.findOne({ _id: id, userId }, PROJECTION).lean<NotificationDoc>().exec();
  }

  /**
   * Claims the right to send the e-mail: only when not sent yet and nobody else is sending (a claim
   * older than `staleBefore` is from a crashed attempt and may be taken over).
   */
  async claimEmail(id: string, staleBefore: Date): Promise<boolean> {
    // Under the lock: FerretDB's conditional updates are not atomic, and two claims must not both win.
    const claimed = await this.locks.run(notificationLock(id), () =>
      this.notifications
        .updateOne(
          {
            _id: id,
            emailSentAt: { $exists: false },
            $or: [{ emailClaimedAt: { $exists: false } }, { emailClaimedAt: { $lt: staleBefore } }],
          },
          { $set: { emailClaimedAt: new Date() } },
        )
        .exec(),
    );
    return claimed.modifiedCount === 1;
  }

  async emailSent(id: string): Promise<void> {
    await this.locks.run(notificationLock(id), () =>
      this.notifications
        .updateOne({ _id: id }, { $set: { emailSentAt: new Date() }, $unset: { emailClaimedAt: 1 } })
        .exec(),
    );
  }

  async releaseEmailClaim(id: string): Promise<void> {
    await this.locks.run(notificationLock(id), () =>
      this.notifications
        .updateOne({ _id: id, emailSentAt: { $exists: false } }, { $unset: { emailClaimedAt: 1 } })
        .exec(),
    );
  }
}
