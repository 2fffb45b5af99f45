import type { OutboxEntry } from '@bookstore/shared/persistence';
import { OutboxEntrySchema } from '@bookstore/shared/persistence';
import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/**
 * One notification of one user, caused by one event: the unique `{userId, eventId}` index is its
 * natural key, so a redelivered or duplicated event stores nothing new (also when the copies are
 * handled at the same time). `emailSentAt` records that its e-mail went out; `emailClaimedAt`
 * marks a send in progress (set by a conditional update) so two deliveries never both send.
 */
@Schema({ collection: 'notifications', versionKey: false, timestamps: { createdAt: true, updatedAt: false } })
export class Notification {
  @Prop({ required: true })
  userId!: string;

  @Prop({ required: true })
  eventId!: string;

  @Prop({ required: true })
  type!: string;

  @Prop({ required: true })
  title!: string;

  @Prop({ required: true })
  body!: string;

  @Prop({ type: Object, default: {} })
  data!: Record<string, unknown>;

  @Prop({ default: false })
  read!: boolean;

  @Prop()
  readAt?: Date;

  @Prop()
  emailSentAt?: Date;

  @Prop()
  emailClaimedAt?: Date;

  @Prop({ type: [OutboxEntrySchema], default: [] })
  outbox!: OutboxEntry[];

  createdAt!: Date;
}

export const NotificationSchema = SchemaFactory.createForClass(Notification);
NotificationSchema.index({ userId: 1, eventId: 1 }, { unique: true });
NotificationSchema.index({ userId: 1, createdAt: -1 });
