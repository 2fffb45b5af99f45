import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/**
 * The small user directory of this service, fed by `user.registered`: order events name only the
 * user id, and e-mails need an address. `_id` is the user id, so a repeat upsert changes nothing.
 */
@Schema({ collection: 'user_contacts', versionKey: false, timestamps: true })
export class UserContact {
  @Prop({ type: String, required: true })
  _id!: string;

  @Prop({ required: true })
  email!: string;

  @Prop({ required: true })
  name!: string;
}

export const UserContactSchema = SchemaFactory.createForClass(UserContact);
