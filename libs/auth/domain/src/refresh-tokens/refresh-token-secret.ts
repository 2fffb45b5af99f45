import { createHash, randomBytes } from 'node:crypto';

/** 32 random bytes, base64url: what the client holds. Never stored. */
export function newRefreshTokenSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** What is stored and looked up instead of the token itself. */
export function hashRefreshToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
