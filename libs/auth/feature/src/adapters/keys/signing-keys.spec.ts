import { createPublicKey } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { JwkDto } from '@bookstore/shared/contracts';
import { JwtService } from '@nestjs/jwt';

import { KeyFilesError, loadKeyFiles, writeNewKey } from './key-files';
import { rsaThumbprint, SigningKeys } from './signing-keys';

const DAY = 86_400_000;
const jwt = new JwtService();

function signWith(keys: SigningKeys, now: Date): Promise<string> {
  const key = keys.signing(now);
  return jwt.signAsync(
    { roles: ['customer'] },
    { algorithm: 'RS256', privateKey: key.privateKey, keyid: key.kid },
  );
}

/** Verifies `token` as a gateway would: with the JWKS key its header names, if there is one. */
async function verifyWith(jwks: { keys: JwkDto[] }, token: string): Promise<unknown> {
  const { kid } = JSON.parse(Buffer.from(token.split('.')[0], 'base64url').toString()) as { kid: string };
  const jwk = jwks.keys.find((key) => key.kid === kid);
  if (!jwk) throw new Error(`no key ${kid}`);
  const publicKey = createPublicKey({ key: { kty: jwk.kty, n: jwk.n, e: jwk.e }, format: 'jwk' });
  return jwt.verifyAsync(token, {
    publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    algorithms: ['RS256'],
  });
}

describe('SigningKeys (rotation from the keys directory, by declared activation)', () => {
  jest.setTimeout(60_000);

  let dir: string;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'auth-keys-'));
  });

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('generates a key with its metadata on a development start and serves its public half only', async () => {
    const files = await loadKeyFiles(dir, { generate: true });
    expect(files).toHaveLength(1);
    expect(files[0].pem).toContain('BEGIN PRIVATE KEY');
    expect((await readdir(dir)).sort()).toEqual([files[0].name.replace(/pem$/, 'json'), files[0].name]);
    const keys = SigningKeys.fromFiles(files, DAY);
    const jwks = keys.jwks();
    expect(jwks.keys).toHaveLength(1);
    expect(jwks.keys[0]).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig', kid: keys.signing().kid });
    expect(Object.keys(jwks.keys[0]).sort()).toEqual(['alg', 'e', 'kid', 'kty', 'n', 'use']);
    expect(await loadKeyFiles(dir, { generate: true })).toHaveLength(1);
  });

  it('signs with the newest active key and keeps verifying old tokens until the old key retires', async () => {
    const t0 = new Date('2025-01-01T00:00:00Z');
    await writeNewKey(dir, t0);
    const before = SigningKeys.fromFiles(await loadKeyFiles(dir, { generate: false }), DAY);
    const oldToken = await signWith(before, t0);

    const t1 = new Date(t0.getTime() + 30 * DAY);
    await writeNewKey(dir, t1);
    const after = SigningKeys.fromFiles(await loadKeyFiles(dir, { generate: false }), DAY);

    const justAfter = new Date(t1.getTime() + 60_000);
    expect(after.signing(justAfter).kid).not.toBe(before.signing(t0).kid);
    const newToken = await signWith(after, justAfter);
    await expect(verifyWith(after.jwks(justAfter), oldToken)).resolves.toBeDefined();
    await expect(verifyWith(after.jwks(justAfter), newToken)).resolves.toBeDefined();

    const retired = new Date(t1.getTime() + DAY + 1);
    expect(after.jwks(retired).keys.map((key) => key.kid)).toEqual([after.signing(retired).kid]);
    await expect(verifyWith(after.jwks(retired), oldToken)).rejects.toThrow('no key');
    await expect(verifyWith(after.jwks(retired), newToken)).resolves.toBeDefined();
  });

  it('ignores file times: a Secret mount rewriting every mtime changes nothing', async () => {
    const older = new Date('2025-01-01T00:00:00Z');
    const newer = new Date('2025-02-01T00:00:00Z');
    const olderName = await writeNewKey(dir, older, 'k-2025-01');
    await writeNewKey(dir, newer, 'k-2025-02');
    // The older key's files now look like the newest ones on disk.
    const touched = new Date('2030-01-01T00:00:00Z');
    for (const name of [olderName, olderName.replace(/pem$/, 'json')])
      await utimes(join(dir, name), touched, touched);

    const keys = SigningKeys.fromFiles(await loadKeyFiles(dir, { generate: false }), DAY);
    expect(keys.signing(new Date('2025-03-01T00:00:00Z')).kid).toBe('k-2025-02');
  });

  it('publishes a key before its activation and signs with it from then on', async () => {
    await writeNewKey(dir, new Date('2025-01-01T00:00:00Z'), 'current');
    await writeNewKey(dir, new Date('2025-06-01T00:00:00Z'), 'next');
    const keys = SigningKeys.fromFiles(await loadKeyFiles(dir, { generate: false }), DAY);

    const may = new Date('2025-05-31T23:59:59Z');
    expect(keys.signing(may).kid).toBe('current');
    expect(keys.jwks(may).keys.map((key) => key.kid)).toEqual(['next', 'current']);
    expect(keys.signing(new Date('2025-06-01T00:00:00Z')).kid).toBe('next');
  });

  it('without generation, refuses an empty directory and a key without metadata, naming what to do', async () => {
    await expect(loadKeyFiles(dir, { generate: false })).rejects.toThrow(KeyFilesError);
    await expect(loadKeyFiles(dir, { generate: false })).rejects.toThrow(
      /JWT_KEYS_DIR .* holds no <name>\.pem key/,
    );
    const name = await writeNewKey(dir, new Date());
    await rm(join(dir, name.replace(/pem$/, 'json')));
    await expect(loadKeyFiles(dir, { generate: false })).rejects.toThrow(
      `${name} has no ${name.replace(/pem$/, 'json')} beside it`,
    );
  });

  it('gives a development key from before metadata an activation in the past', async () => {
    const name = await writeNewKey(dir, new Date());
    await rm(join(dir, name.replace(/pem$/, 'json')));
    const files = await loadKeyFiles(dir, { generate: true });
    expect(files[0].activatesAt).toEqual(new Date(0));
    expect(JSON.parse(await readFile(join(dir, name.replace(/pem$/, 'json')), 'utf8'))).toEqual({
      activatesAt: new Date(0).toISOString(),
    });
  });

  it('refuses malformed metadata and two keys with one id', async () => {
    const name = await writeNewKey(dir, new Date(), 'same');
    await writeFile(join(dir, name.replace(/pem$/, 'json')), '{"activatesAt": "soon"}');
    await expect(loadKeyFiles(dir, { generate: false })).rejects.toThrow(
      'activatesAt must be an ISO-8601 time',
    );
    await writeFile(
      join(dir, name.replace(/pem$/, 'json')),
      '{"activatesAt": "2025-01-01T00:00:00Z", "kid": "same"}',
    );
    await writeNewKey(dir, new Date('2025-02-01T00:00:00Z'), 'same');
    const files = await loadKeyFiles(dir, { generate: false });
    expect(() => SigningKeys.fromFiles(files, DAY)).toThrow('two keys have the id same');
  });

  it('computes the RFC 7638 thumbprint (the RFC’s own example) as the default key id', () => {
    const n =
      '0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMst' +
      'n64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n9' +
      '1CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw';
    expect(rsaThumbprint({ n, e: 'AQAB' })).toBe('NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs');
  });
});
