import type { KeyObject } from 'node:crypto';
import { createHmac, generateKeyPairSync, sign } from 'node:crypto';

import { api, uniqueEmail } from '@bookstore/shared/testing';

const PASSWORD = 'correct-horse-9';
const encode = (part: object) => Buffer.from(JSON.stringify(part)).toString('base64url');
const decode = (part: string) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));

function signRs256(header: object, claims: object, key: KeyObject): string {
  const input = `${encode(header)}.${encode(claims)}`;
  return `${input}.${sign('sha256', Buffer.from(input), key).toString('base64url')}`;
}

/** A real session, plus its token taken apart, to forge variants of it. */
async function realToken() {
  const email = uniqueEmail();
  expect(
    (await api('POST', '/api/v1/auth/register', { body: { email, password: PASSWORD, name: 'Forger' } }))
      .status,
  ).toBe(201);
  const login = await api('POST', '/api/v1/auth/login', { body: { email, password: PASSWORD } });
  expect(login.status).toBe(200);
  const token: string = login.body.accessToken;
  const [header, claims, signature] = token.split('.');
  return { token, header: decode(header), claims: decode(claims), signature };
}

const me = (token: string) => api('GET', '/api/v1/auth/me', { token });

describe('auth: JWKS', () => {
  it('publishes the public verification keys, never private parts', async () => {
    const res = await api('GET', '/api/v1/auth/.well-known/jwks.json');
    expect(res.status).toBe(200);
    expect(res.body.keys.length).toBeGreaterThan(0);
    for (const key of res.body.keys) {
      expect(key).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig', kid: expect.any(String) });
      for (const secret of ['d', 'p', 'q', 'dp', 'dq', 'qi']) expect(key[secret]).toBeUndefined();
    }
  });
});

describe('auth: forged access tokens are rejected (401)', () => {
  const attacker = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;

  it('accepts the genuine token (control)', async () => {
    const { token } = await realToken();
    expect((await me(token)).status).toBe(200);
  });

  it('rejects alg none', async () => {
    const { header, claims } = await realToken();
    const forged = `${encode({ ...header, alg: 'none' })}.${encode(claims)}.`;
    expect((await me(forged)).status).toBe(401);
  });

  it('rejects a token signed with another key under the real kid', async () => {
    const { header, claims } = await realToken();
    expect((await me(signRs256(header, claims, attacker))).status).toBe(401);
  });

  it('rejects a token signed with an unknown key id', async () => {
    const { header, claims } = await realToken();
    expect((await me(signRs256({ ...header, kid: 'attacker-key' }, claims, attacker))).status).toBe(401);
  });

  it('rejects a tampered payload (self-promotion to admin)', async () => {
    const { header, claims, signature } = await realToken();
    const forged = `${encode(header)}.${encode({ ...claims, roles: ['customer', 'admin'] })}.${signature}`;
    expect((await me(forged)).status).toBe(401);
    const adminRoute = await api('PATCH', `/api/v1/auth/users/${claims.sub}/roles`, {
      token: forged,
      body: { roles: ['admin'] },
    });
    expect(adminRoute.status).toBe(401);
  });

  it('rejects HS256 signed with the public key as secret (algorithm confusion)', async () => {
    const { header, claims } = await realToken();
    const jwks = await api('GET', '/api/v1/auth/.well-known/jwks.json');
    const input = `${encode({ ...header, alg: 'HS256' })}.${encode(claims)}`;
    const mac = createHmac('sha256', JSON.stringify(jwks.body.keys[0])).update(input).digest('base64url');
    expect((await me(`${input}.${mac}`)).status).toBe(401);
  });

  it('rejects an expired token (signed with a test-only key)', async () => {
    const { header, claims } = await realToken();
    const now = Math.floor(Date.now() / 1000);
    const expired = signRs256(
      { ...header, kid: 'expired-test' },
      { ...claims, iat: now - 1000, exp: now - 100 },
      attacker,
    );
    expect((await me(expired)).status).toBe(401);
  });

  it('answers in the shared error shape', async () => {
    const res = await me('garbage');
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({
      statusCode: 401,
      error: 'Unauthorized',
      correlationId: expect.any(String),
    });
  });
});
