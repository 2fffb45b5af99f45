import type { EventEnvelope } from '@bookstore/shared/contracts';
import { InjectOutbox, OutboxCollection } from '@bookstore/shared/persistence';
import { Injectable } from '@nestjs/common';
import { Types } from 'mongoose';

import type { AccountToken } from './account-token.schema';
import { User } from './user.schema';

/** A stored user as reads return it. */
export type StoredUser = User & { _id: Types.ObjectId };

/** A user to store: its id is chosen by the caller, so its events can name it. */
export type NewUser = Omit<User, 'outbox' | 'createdAt' | 'updatedAt' | 'sessionsValidFrom'> & {
  _id: Types.ObjectId;
};

/** What may change in the same write that ends a user's sessions (because it is the cause). */
export type SessionEndingChanges = Partial<Pick<User, 'roles' | 'passwordHash'>>;

/** The users collection; every write is one single-document operation. */
@Injectable()
export class UsersRepository {
  constructor(@InjectOutbox(User.name) private readonly users: OutboxCollection<User>) {}

  /**
   * Stores the user with its events in one insert; null when the e-mail is taken (the unique
   * index on `email` refused it, also when two registrations race).
   */
  async insert(user: NewUser, events: readonly EventEnvelope[]): Promise<StoredUser | null> {
    return (await this.users.insert(user, events)) as StoredUser | null;
  }

  findByEmail(email: string): Promise<StoredUser | null> {
    return this.users.model.findOne({ email }).lean<StoredUser>().exec();
  }

  /** The user, or null for an unknown or malformed id. */
  findById(id: string): Promise<StoredUser | null> {
    if (!isObjectId(id)) return Promise.resolve(null);
    return this.users.model.findById(id).lean<StoredUser>().exec();
  }

  /**
   * Ends the user's sessions at `notBefore` in one single-document update: `sessionsValidFrom`
   * moves forward (`$max`: never back, so concurrent revocations cannot undo each other), `changes`
   * (the new roles or password, when they are the cause) are applied and `event` rides in the
   * outbox of the same write. The user after it, or null when there is none.
   */
  revokeSessions(
    id: string,
    notBefore: Date,
    event: EventEnvelope,
    changes: SessionEndingChanges = {},
  ): Promise<StoredUser | null> {
    if (!isObjectId(id)) return Promise.resolve(null);
    const set = Object.keys(changes).length ? { $set: changes } : {};
    return this.users.findOneAndUpdate({ _id: id }, { ...set, $max: { sessionsValidFrom: notBefore } }, [
      event,
    ]) as Promise<StoredUser | null>;
  }

  /**
   * Stores a new password-reset token (replacing an earlier unspent one) with the event that
   * e-mails it, in one conditional update: only when no token was issued after `issuedBefore`
   * (one e-mail per interval). False when it did not apply, also for an id that names nobody.
   */
  requestPasswordReset(
    id: Types.ObjectId,
    token: AccountToken,
    issuedBefore: Date,
    events: readonly EventEnvelope[],
  ): Promise<boolean> {
    return this.users.update(
      { _id: id, ...noTokenIssuedSince('passwordReset', issuedBefore) },
      { $set: { passwordReset: token } },
      events,
    );
  }

  /** The account whose unexpired reset token hashes to `tokenHash`, or null. */
  findByPasswordResetToken(tokenHash: string, now: Date): Promise<StoredUser | null> {
    return this.users.model
      .findOne({ 'passwordReset.tokenHash': tokenHash, 'passwordReset.expiresAt': { $gt: now } })
      .lean<StoredUser>()
      .exec();
  }

  /**
   * Spends the reset token in one conditional update (of concurrent resets with one token, exactly
   * one matches). The link reached the owner's mailbox, so the address counts as verified. The
   * user after it, or null for an unknown, spent, replaced or expired token.
   */
  spendPasswordReset(tokenHash: string, now: Date): Promise<StoredUser | null> {
    return this.users.model
      .findOneAndUpdate(
        { 'passwordReset.tokenHash': tokenHash, 'passwordReset.expiresAt': { $gt: now } },
        { $set: { emailVerified: true }, $unset: { passwordReset: 1, emailVerification: 1 } },
        { new: true },
      )
      .lean<StoredUser>()
      .exec();
  }

  /**
   * Stores a new verification token (replacing an earlier one) with the event that e-mails it, in
   * one conditional update: only while the address is unverified and no token was issued after
   * `issuedBefore`. False when it did not apply.
   */
  requestEmailVerification(
    id: Types.ObjectId,
    token: AccountToken,
    issuedBefore: Date,
    events: readonly EventEnvelope[],
  ): Promise<boolean> {
    return this.users.update(
      { _id: id, emailVerified: { $ne: true }, ...noTokenIssuedSince('emailVerification', issuedBefore) },
      { $set: { emailVerification: token } },
      events,
    );
  }

  /** Spends the verification token and marks the address verified, in one conditional update. */
  verifyEmail(tokenHash: string, now: Date): Promise<StoredUser | null> {
    return this.users.model
      .findOneAndUpdate(
        { 'emailVerification.tokenHash': tokenHash, 'emailVerification.expiresAt': { $gt: now } },
        { $set: { emailVerified: true }, $unset: { emailVerification: 1 } },
        { new: true },
      )
      .lean<StoredUser>()
      .exec();
  }
}

/** No pending token of this kind, or the pending one was issued before `issuedBefore`. */
function noTokenIssuedSince(field: 'passwordReset' | 'emailVerification', issuedBefore: Date) {
  return { $or: [{ [field]: null }, { [`${field}.issuedAt`]: { $lt: issuedBefore } }] };
}

/** Only canonical 24-hex ids; anything else is "no such user" (404), never a cast error. */
function isObjectId(id: unknown): id is string {
  return typeof id === 'string' && /^[0-9a-f]{24}$/i.test(id);
}
