/**
 * One refresh token as stored: only its SHA-256 hash, the family (one login session and all its
 * rotations) it belongs to, and when it was spent or revoked.
 */
export interface RefreshTokenRecord {
  tokenHash: string;
  familyId: string;
  userId: string;
  expiresAt: Date;
  usedAt?: Date | null;
  revokedAt?: Date | null;
}
