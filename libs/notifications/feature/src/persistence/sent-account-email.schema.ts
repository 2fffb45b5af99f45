import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/** How long a sent account e-mail is remembered: far beyond any redelivery of its event. */
const KEEP_SECONDS = 7 * 86_400;

/**
 * That the e-mail of one account event (password reset, e-mail verification) went out, keyed by
 * the event id, so a redelivered event sends nothing new. It holds no token, no link and no text:
 * those exist only in the event and the e-mail itself. Dropped by a TTL index after a week.
 */
@Schema({
  collection: 'account_emails',
  versionKey: false,
  timestamps: { createdAt: true, updatedAt: false },
})
export class SentAccountEmail {
  /** The event id. */
  @Prop({ type: String, required: true })
  _id!: string;

  @Prop({ required: true })
  userId!: string;

  /** The event type, such as `user.password-reset-requested.v1`. */
  @Prop({ required: true })
  type!: string;

  /** A send in progress (set by the claim); a claim older than the takeover age is from a crash. */
  @Prop({ type: Date, default: null })
  claimedAt!: Date | null;

  @Prop({ type: Date, default: null })
  sentAt!: Date | null;

  createdAt!: Date;
}

export const SentAccountEmailSchema = SchemaFactory.createForClass(SentAccountEmail);
SentAccountEmailSchema.index({ createdAt: 1 }, { expireAfterSeconds: KEEP_SECONDS });
