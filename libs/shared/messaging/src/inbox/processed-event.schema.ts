import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/** One consumed event of this service; `_id` is the `eventId`, so a repeat cannot be recorded twice. */
@Schema({ collection: 'processed_events', versionKey: false })
export class ProcessedEvent {
  @Prop({ type: String, required: true })
  _id!: string;

  @Prop({ required: true })
  type!: string;

  @Prop({ required: true })
  processedAt!: Date;
}

export const ProcessedEventSchema = SchemaFactory.createForClass(ProcessedEvent);
