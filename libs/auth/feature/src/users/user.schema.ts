import { Role } from '@bookstore/shared/contracts';
import { OutboxEntry, OutboxEntrySchema } from '@bookstore/shared/messaging';
import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { HydratedDocument } from 'mongoose';

/** A user account. The password is kept only as an argon2id hash and never leaves the service. */
@Schema({ collection: 'users', timestamps: true, versionKey: false })
export class User {
  /** Normalised (trimmed, lower-case); unique. */
  @Prop({ required: true, unique: true })
  email!: string;

  @Prop({ required: true })
  name!: string;

  @Prop({ type: [String], enum: Object.values(Role), required: true })
  roles!: Role[];

  @Prop({ required: true })
  passwordHash!: string;

  /** Events of this user's state changes, published by the outbox relay. */
  @Prop({ type: [OutboxEntrySchema], default: [] })
  outbox!: OutboxEntry[];

  createdAt!: Date;
  updatedAt!: Date;
}

export type UserDocument = HydratedDocument<User>;
export const UserSchema = SchemaFactory.createForClass(User);
