import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/** A held lock: `_id` is the locked key, so only one insert per key can succeed at a time. */
@Schema({ collection: 'document_locks', versionKey: false })
export class DocumentLock {
  @Prop({ type: String, required: true })
  _id!: string;

  @Prop({ required: true })
  owner!: string;

  @Prop({ required: true })
  expiresAt!: Date;
}

export const DocumentLockSchema = SchemaFactory.createForClass(DocumentLock);
