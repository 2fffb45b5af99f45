import type { RefreshTokenRecord } from './refresh-token-record';

/** Persistence of refresh tokens; every method is a single atomic operation. */
export interface RefreshTokenStore {
  insert(record: RefreshTokenRecord): Promise<void>;
  /** Marks the token spent if it is neither spent nor revoked; returns it as it was, or null. */
  spend(tokenHash: string, now: Date): Promise<RefreshTokenRecord | null>;
  find(tokenHash: string): Promise<RefreshTokenRecord | null>;
  revokeFamily(familyId: string, now: Date): Promise<void>;
  /** True when any token of the family was revoked: revocation is always of a whole family. */
  isFamilyRevoked(familyId: string): Promise<boolean>;
}

export const REFRESH_TOKEN_STORE = Symbol('REFRESH_TOKEN_STORE');
