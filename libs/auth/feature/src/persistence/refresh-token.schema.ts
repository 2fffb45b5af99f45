import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/** A refresh token, stored only as its SHA-256 hash, in its family (one login session). */
@Schema({
  collection: 'refresh_tokens',
  timestamps: { createdAt: true, updatedAt: false },
  versionKey: false,
})
export class RefreshToken {
  @Prop({ required: true, unique: true })
  tokenHash!: string;

  @Prop({ required: true, index: true })
  familyId!: string;

  /** Indexed: ending every session of a user revokes all of their tokens in one update. */
  @Prop({ required: true, index: true })
  userId!: string;

  /** A token is dead from here on (spent or not); the TTL index removes it an hour later. */
  @Prop({ required: true })
  expiresAt!: Date;

  @Prop({ type: Date, default: null })
  usedAt!: Date | null;

  @Prop({ type: Date, default: null })
  revokedAt!: Date | null;
}

export const RefreshTokenSchema = SchemaFactory.createForClass(RefreshToken);

/**
 * How long a token is kept after its own expiry. Until then it is kept whatever its state: a spent
 * token must exist as long as it could be presented (reuse detection revokes its family), and
 * rotation refuses it once expired anyway. The hour covers the rare successor that escaped its
 * family's revocation (stored while the revocation ran): `isFamilyRevoked` sees the family dead
 * through its revoked siblings, issued with it and expiring with it, so they outlive it by the hour.
 */
export const REFRESH_TOKEN_KEEP_AFTER_EXPIRY_SECONDS = 3600;

// TTL: bounds the collection to the tokens of the last refresh lifetime (plus the hour).
RefreshTokenSchema.index({ expiresAt: 1 }, { expireAfterSeconds: REFRESH_TOKEN_KEEP_AFTER_EXPIRY_SECONDS });
