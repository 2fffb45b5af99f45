import { mkdtemp, rm, utimes } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { createLocalJWKSet, jwtVerify, SignJWT } from 'jose';

import { loadOrCreateKeyFiles, writeNewKey } from './key-files';
import { SigningKeys } from './signing-keys';

const DAY = 86_400_000;

async function signWith(keys: SigningKeys, now: Date): Promise<string> {
  const key = keys.signing(now);
  return new SignJWT({ roles: ['customer'] })
    .setProtectedHeader({ alg: 'RS256', kid: key.kid })
    .setSubject('u1')
    .setExpirationTime('15m')
    .sign(key.privateKey);
}

describe('SigningKeys (rotation from the keys directory)', () => {
  jest.setTimeout(60_000);

  let dir: string;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'auth-keys-'));
  });

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('generates a key on first start and serves its public half only', async () => {
    const files = await loadOrCreateKeyFiles(dir);
    expect(files).toHaveLength(1);
    expect(files[0].pem).toContain('BEGIN PRIVATE KEY');
    const keys = await SigningKeys.fromFiles(files, DAY);
    const jwks = keys.jwks();
    expect(jwks.keys).toHaveLength(1);
    expect(jwks.keys[0]).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig', kid: keys.signing().kid });
    expect(Object.keys(jwks.keys[0]).sort()).toEqual(['alg', 'e', 'kid', 'kty', 'n', 'use']);
    expect(await loadOrCreateKeyFiles(dir)).toHaveLength(1);
  });

  it('signs with the new key, keeps verifying old tokens until the old key is retired', async () => {
    const t0 = new Date('2025-01-01T00:00:00Z');
    const oldName = await writeNewKey(dir, t0);
    await utimes(join(dir, oldName), t0, t0);
    const before = await SigningKeys.fromFiles(await loadOrCreateKeyFiles(dir), DAY);
    const oldToken = await signWith(before, t0);

    const t1 = new Date(t0.getTime() + 30 * DAY);
    const newName = await writeNewKey(dir, t1);
    await utimes(join(dir, newName), t1, t1);
    const after = await SigningKeys.fromFiles(await loadOrCreateKeyFiles(dir), DAY);

    const justAfter = new Date(t1.getTime() + 60_000);
    expect(after.signing(justAfter).kid).not.toBe(before.signing(t0).kid);
    const newToken = await signWith(after, justAfter);
    const jwksNow = createLocalJWKSet(after.jwks(justAfter));
    await expect(jwtVerify(oldToken, jwksNow)).resolves.toBeDefined();
    await expect(jwtVerify(newToken, jwksNow)).resolves.toBeDefined();

    const retired = new Date(t1.getTime() + DAY + 1);
    const jwksLater = createLocalJWKSet(after.jwks(retired));
    expect(after.jwks(retired).keys.map((key) => key.kid)).toEqual([after.signing(retired).kid]);
    await expect(jwtVerify(oldToken, jwksLater)).rejects.toThrow();
    await expect(jwtVerify(newToken, jwksLater)).resolves.toBeDefined();
  });
});
