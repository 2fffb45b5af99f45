import { createHash, randomBytes } from 'node:crypto';

/**
 * A single-use token that proves control of an account's mailbox (password reset, e-mail
 * verification). The clear `token` goes into the e-mail only; the account keeps `tokenHash`.
 */
export interface IssuedAccountToken {
  token: string;
  tokenHash: string;
  issuedAt: Date;
  expiresAt: Date;
}

/** 32 random bytes (base64url, 43 characters), good for `lifetimeMs` from `now`. */
export function issueAccountToken(lifetimeMs: number, now: Date = new Date()): IssuedAccountToken {
  const token = randomBytes(32).toString('base64url');
  return {
    token,
    tokenHash: hashAccountToken(token),
    issuedAt: now,
    expiresAt: new Date(now.getTime() + lifetimeMs),
  };
}

/** SHA-256 (hex) of a presented token: what is stored and looked up instead of the token itself. */
export function hashAccountToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
