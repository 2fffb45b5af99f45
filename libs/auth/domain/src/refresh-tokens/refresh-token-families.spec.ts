import { DomainError } from '@bookstore/shared/contracts';

import { RefreshTokenFamilies } from './refresh-token-families';
import type { RefreshTokenRecord } from './refresh-token-record';
import { hashRefreshToken } from './refresh-token-secret';
import type { RefreshTokenStore } from './refresh-token-store.port';

/** An in-memory implementation of the port, with the same single-operation semantics. */
class MemoryStore implements RefreshTokenStore {
  readonly records = new Map<string, RefreshTokenRecord>();
  /** Runs right after a successful spend, before the caller goes on: a racing request's turn. */
  afterSpend?: () => Promise<void>;
  async insert(record: RefreshTokenRecord): Promise<void> {
    this.records.set(record.tokenHash, { ...record, usedAt: null, revokedAt: null });
  }
  async spend(tokenHash: string, now: Date): Promise<RefreshTokenRecord | null> {
    const record = this.records.get(tokenHash);
    if (!record || record.usedAt || record.revokedAt) return null;
    this.records.set(tokenHash, { ...record, usedAt: now });
    const racing = this.afterSpend;
    this.afterSpend = undefined;
    await racing?.();
    return record;
  }
  async find(tokenHash: string): Promise<RefreshTokenRecord | null> {
    return this.records.get(tokenHash) ?? null;
  }
  async revokeFamily(familyId: string, now: Date): Promise<void> {
    for (const [hash, record] of this.records) {
      if (record.familyId === familyId && !record.revokedAt)
        this.records.set(hash, { ...record, revokedAt: now });
    }
  }
  async isFamilyRevoked(familyId: string): Promise<boolean> {
    return [...this.records.values()].some((record) => record.familyId === familyId && record.revokedAt);
  }
}

const DAY = 86_400_000;

describe('RefreshTokenFamilies', () => {
  let store: MemoryStore;
  let now: Date;
  let families: RefreshTokenFamilies;

  beforeEach(() => {
    store = new MemoryStore();
    now = new Date('2025-01-01T00:00:00Z');
    families = new RefreshTokenFamilies(store, 7 * DAY, () => now);
  });

  const expectInvalid = async (promise: Promise<unknown>) => {
    await expect(promise).rejects.toBeInstanceOf(DomainError);
    await expect(promise).rejects.toMatchObject({ code: 'AUTH.REFRESH_INVALID' });
  };

  it('issues 32-byte base64url tokens and stores only their SHA-256 hash', async () => {
    const issued = await families.start('u1');
    expect(issued.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect([...store.records.keys()]).toEqual([hashRefreshToken(issued.token)]);
    expect(JSON.stringify([...store.records.values()])).not.toContain(issued.token);
    expect(issued.expiresAt.getTime() - now.getTime()).toBe(7 * DAY);
  });

  it('rotates: the successor belongs to the same family and the presented token is spent', async () => {
    const first = await families.start('u1');
    const second = await families.rotate(first.token);
    expect(second).toMatchObject({ userId: 'u1', familyId: first.familyId });
    expect(second.token).not.toBe(first.token);
    const third = await families.rotate(second.token);
    expect(third.familyId).toBe(first.familyId);
  });

  it('revokes the whole family when a spent token is presented again', async () => {
    const first = await families.start('u1');
    const second = await families.rotate(first.token);
    await expectInvalid(families.rotate(first.token));
    await expectInvalid(families.rotate(second.token));
  });

  it('refuses a successor that a concurrent reuse could not revoke because it did not exist yet', async () => {
    const first = await families.start('u1');
    // The reuse of `first` revoked the family between the rotation's spend and its insert:
    const [[firstHash, spentFirst]] = [...store.records];
    const second = await families.rotate(first.token);
    store.records.set(firstHash, { ...spentFirst, usedAt: now, revokedAt: now });

    await expectInvalid(families.rotate(second.token));
    expect([...store.records.values()].every((record) => record.revokedAt)).toBe(true);
  });

  it('revokes the successor of a rotation when a reuse lands right after its spend', async () => {
    const first = await families.start('u1');
    store.afterSpend = () => expectInvalid(families.rotate(first.token));

    const second = await families.rotate(first.token);

    expect(store.records.get(hashRefreshToken(second.token))?.revokedAt).toEqual(now);
    await expectInvalid(families.rotate(second.token));
  });

  it('answers one of two concurrent rotations of a token and revokes the family', async () => {
    const first = await families.start('u1');
    const results = await Promise.allSettled([families.rotate(first.token), families.rotate(first.token)]);
    expect(results.map((result) => result.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect([...store.records.values()].every((record) => record.revokedAt)).toBe(true);
  });

  it('leaves other families of the same user alone on reuse', async () => {
    const phone = await families.start('u1');
    const laptop = await families.start('u1');
    await families.rotate(phone.token);
    await expectInvalid(families.rotate(phone.token));
    await expect(families.rotate(laptop.token)).resolves.toMatchObject({ familyId: laptop.familyId });
  });

  it('rejects unknown and expired tokens', async () => {
    await expectInvalid(families.rotate('not-a-token'));
    const issued = await families.start('u1');
    now = new Date(now.getTime() + 7 * DAY + 1);
    await expectInvalid(families.rotate(issued.token));
  });

  it('revoke ends the session of its owner only', async () => {
    const issued = await families.start('u1');
    await expectInvalid(families.revoke(issued.token, 'someone-else'));
    await families.revoke(issued.token, 'u1');
    await expectInvalid(families.rotate(issued.token));
  });
});
