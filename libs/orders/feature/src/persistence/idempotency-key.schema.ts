import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/**
 * One client's `Idempotency-Key` for `POST /orders`, bound to the request it first came with and
 * to the id of the order that request places. `_id` is the key's identity (user and key, hashed:
 * `idempotencyKeyId` in orders-domain), so of racing requests with one key exactly one insert
 * wins; the order is then inserted with the `_id` this record chose (idempotency-key.repository.ts).
 */
@Schema({ collection: 'idempotency_keys', versionKey: false })
export class IdempotencyKey {
  @Prop({ type: String, required: true })
  _id!: string;

  /** Whose key it is (the `_id` is a hash): for operators reading the collection. */
  @Prop({ required: true })
  userId!: string;

  /** `placeOrderRequestHash` of the first request: another body with this key is a 422. */
  @Prop({ required: true })
  requestHash!: string;

  /** The order the key places; it may not exist yet (its request is still pricing, or crashed). */
  @Prop({ required: true })
  orderId!: string;

  @Prop({ required: true })
  createdAt!: Date;

  /** When the key is free again. The code treats a record past it as absent; the TTL index removes it. */
  @Prop({ required: true })
  expiresAt!: Date;
}

export const IdempotencyKeySchema = SchemaFactory.createForClass(IdempotencyKey);
// Housekeeping only: the TTL monitor runs about once a minute, so correctness never waits for it.
IdempotencyKeySchema.index({ expiresAt: 1 }, { expireAfterSeconds: 0 });
