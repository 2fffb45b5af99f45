import type { OutboxEntry } from '@bookstore/shared/messaging';
import { OutboxEntrySchema } from '@bookstore/shared/messaging';
import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/**
 * One notification of one user, caused by one event: the unique `{userId, eventId}` index makes
 * a redelivered event store nothing new. `emailSentAt` records that its e-mail went out;
 * `emailClaimedAt` marks a send in progress so two deliveries never both send.
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
