import { retryUpsert } from '@bookstore/shared/persistence';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';

import { UserContact } from './user-contact.schema';

export interface Contact {
  userId: string;
  email: string;
  name: string;
}

/** userId → e-mail address and name, learned from `user.registered`. */
@Injectable()
export class UserDirectoryRepository {
  constructor(@InjectModel(UserContact.name) private readonly contacts: Model<UserContact>) {}

  /**
   * Keyed by the user id, so a redelivered registration changes nothing. Concurrent copies may both
   * miss and both insert; the loser's duplicate-key error is retried as the update it now is.
   */
  async remember(contact: Contact): Promise<void> {
    await retryUpsert(() =>
      this.contacts
        .updateOne(
          { _id: contact.userId },
          { $set: { email: contact.email, name: contact.name } },
          { upsert: true },
        )
        .exec(),
    );
  }

  async find(userId: string): Promise<Contact | null> {
    const doc = await this.contacts.findById(userId).lean<UserContact>().exec();
    return doc ? { userId: doc._id, email: doc.email, name: doc.name } : null;
  }
}
