import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/**
 * An event waiting to be published, stored in the same document (and the same single-document
 * write) as the state change that caused it. The relay removes it once the broker confirmed it.
 */
@Schema({ _id: false, versionKey: false })
export class OutboxEntry {
  @Prop({ required: true })
  eventId!: string;

  @Prop({ required: true })
  type!: string;

  @Prop({ required: true })
  occurredAt!: string;

  @Prop({ required: true })
  correlationId!: string;

  @Prop({ type: Object, required: true })
  payload!: Record<string, unknown>;

  /**
   * The W3C trace context (`traceparent`, `tracestate`) of the request or message whose write
   * stored this event: the relay publishes it later, outside that request, and continues its trace.
   */
  @Prop({ type: Object })
  trace?: Record<string, string>;
}

export const OutboxEntrySchema = SchemaFactory.createForClass(OutboxEntry);
// Mongoose gives every schema that embeds the outbox this index as `outbox.occurredAt`: the
// relay's sweep finds stale entries by age without scanning the collection.
OutboxEntrySchema.index({ occurredAt: 1 });
