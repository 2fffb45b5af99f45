import { hashAccountToken, issueAccountToken } from './account-token';

describe('issueAccountToken', () => {
  const now = new Date('2025-01-01T00:00:00Z');

  it('issues 32 random bytes as base64url, with their SHA-256 hash and the expiry', () => {
    const issued = issueAccountToken(30 * 60_000, now);
    expect(issued.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(issued.token, 'base64url')).toHaveLength(32);
    expect(issued.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(issued.tokenHash).toBe(hashAccountToken(issued.token));
    expect(issued.tokenHash).not.toContain(issued.token);
    expect(issued.issuedAt).toEqual(now);
    expect(issued.expiresAt.getTime() - now.getTime()).toBe(30 * 60_000);
  });

  it('never issues the same token twice', () => {
    const tokens = new Set(Array.from({ length: 1000 }, () => issueAccountToken(1000, now).token));
    expect(tokens.size).toBe(1000);
  });

  it('hashes a presented token the same way every time, and different tokens differently', () => {
    expect(hashAccountToken('abc')).toBe(hashAccountToken('abc'));
    expect(hashAccountToken('abc')).not.toBe(hashAccountToken('abd'));
  });
});
