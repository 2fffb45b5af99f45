import { Role } from '@bookstore/shared/contracts';
import { OutboxEntry, OutboxEntrySchema } from '@bookstore/shared/persistence';
import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { HydratedDocument } from 'mongoose';

import { AccountToken, AccountTokenSchema } from './account-token.schema';

/** A user account. The password is kept only as an argon2id hash and never leaves the service. */
@Schema({ collection: 'users', timestamps: true, versionKey: false })
export class User {
  /** Normalised (trimmed, lower-case); unique: the one mechanism behind "one account per e-mail". */
  @Prop({ required: true, unique: true })
  email!: string;

  @Prop({ required: true })
  name!: string;

  @Prop({ type: [String], enum: Object.values(Role), required: true })
  roles!: Role[];

  @Prop({ required: true })
  passwordHash!: string;

  /** The owner proved the address (a verification link, or a password reset link, reached them). */
  @Prop({ default: false })
  emailVerified!: boolean;

  /** The pending password-reset token (hash only); a newer request replaces it, a reset removes it. */
  @Prop({ type: AccountTokenSchema })
  passwordReset?: AccountToken;

  /** The pending e-mail verification token (hash only); verifying removes it. */
  @Prop({ type: AccountTokenSchema })
  emailVerification?: AccountToken;

  /**
   * Access tokens issued before this instant are void and refresh tokens issued up to it revoked
   * (logout-all, role change, password reset). Only ever moved forward (`$max`); null: never.
   */
  @Prop({ type: Date, default: null })
  sessionsValidFrom!: Date | null;

  /** Events of this user's state changes, stored in the same write and published by the relay. */
  @Prop({ type: [OutboxEntrySchema], default: [] })
  outbox!: OutboxEntry[];

  createdAt!: Date;
  updatedAt!: Date;
}

export type UserDocument = HydratedDocument<User>;
export const UserSchema = SchemaFactory.createForClass(User);
// Spending a token looks it up by hash; only accounts with a pending token are in these indexes.
UserSchema.index({ 'passwordReset.tokenHash': 1 }, { sparse: true });
UserSchema.index({ 'emailVerification.tokenHash': 1 }, { sparse: true });
