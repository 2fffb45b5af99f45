import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/**
 * A pending single-use account token, embedded in its user: only the SHA-256 hash of the token
 * the e-mail carried, when it was issued and when it stops working. Spending it removes it.
 */
@Schema({ _id: false, versionKey: false })
export class AccountToken {
  @Prop({ required: true })
  tokenHash!: string;

  @Prop({ required: true })
  issuedAt!: Date;

  @Prop({ required: true })
  expiresAt!: Date;
}

export const AccountTokenSchema = SchemaFactory.createForClass(AccountToken);
