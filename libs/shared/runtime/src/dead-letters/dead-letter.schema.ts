import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/**
 * A parked event, moved out of the service's dead-letter queue so an operator can list, replay or
 * drop it. `_id` is `<service>.<messageId>`: parking the same message again (a redelivery to the
 * mover, or a replay that failed again) replaces the one record. `parkId` names this parking, so a
 * replay deletes only the record it replayed, never a newer parking of the same message.
 */
@Schema({ collection: 'dead_letters', versionKey: false })
export class DeadLetter {
  @Prop({ type: String, required: true })
  _id!: string;

  @Prop({ required: true })
  parkId!: string;

  @Prop({ required: true, index: true })
  queue!: string;

  @Prop({ required: true })
  type!: string;

  @Prop({ required: true })
  attempts!: number;

  @Prop({ required: true })
  lastError!: string;

  @Prop()
  correlationId?: string;

  @Prop({ required: true })
  parkedAt!: Date;

  @Prop({ type: Buffer, required: true })
  content!: Buffer;

  /** The AMQP headers as JSON (header names and values are the broker's, not always valid keys). */
  @Prop({ required: true })
  headers!: string;

  @Prop()
  messageId?: string;

  @Prop()
  contentType?: string;
}

export const DeadLetterSchema = SchemaFactory.createForClass(DeadLetter);
DeadLetterSchema.index({ parkedAt: -1, _id: -1 });
