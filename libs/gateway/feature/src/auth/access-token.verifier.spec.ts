import { randomUUID } from 'node:crypto';
import { createHmac, generateKeyPairSync, type KeyObject, sign } from 'node:crypto';

import { sessionsValidFromKey } from '@bookstore/shared/contracts';
import type { RpcClient } from '@bookstore/shared/messaging';
import { JwksCache, SignedTokenVerifier } from '@bookstore/shared/security';
import { Redis } from 'ioredis';

import { AccessTokenVerifier } from './access-token.verifier';
import { AuthRoutesConfig } from './auth-routes.config';
import { TokenDenylist } from './token-denylist';

const encode = (part: object) => Buffer.from(JSON.stringify(part)).toString('base64url');

function signRs256(header: object, claims: object, key: KeyObject): string {
  const input = `${encode(header)}.${encode(claims)}`;
  return `${input}.${sign('sha256', Buffer.from(input), key).toString('base64url')}`;
}

describe('AccessTokenVerifier (local access-token verification)', () => {
  jest.setTimeout(30_000);
  const config = new AuthRoutesConfig();
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
  const jwk = publicKey.export({ format: 'jwk' });
  const kid = 'test-key';
  let jwksCalls = 0;
  const rpc = {
    send: async () => {
      jwksCalls++;
      return { keys: [{ kty: 'RSA', n: jwk.n, e: jwk.e, kid, alg: 'RS256', use: 'sig' }] };
    },
  } as unknown as RpcClient;
  const redis = new Redis(process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379', { maxRetriesPerRequest: 1 });
  const denylist = new TokenDenylist(redis);
  const jwks = new JwksCache(rpc, {
    refreshIntervalSeconds: config.JWKS_REFRESH_INTERVAL_SECONDS,
    minRefetchSeconds: config.JWKS_MIN_REFETCH_SECONDS,
  });
  const tokens = new SignedTokenVerifier(jwks, { issuer: config.JWT_ISSUER, audience: config.JWT_AUDIENCE });
  const verifier = new AccessTokenVerifier(tokens, denylist);
  const authenticate = async (token: string) => {
    const caller = await verifier.verify(token);
    return caller ? { ok: true, user: caller.actor } : { ok: false };
  };

  const now = () => Math.floor(Date.now() / 1000);
  const claims = (overrides: object = {}) => ({
    sub: 'user-1',
    roles: ['customer'],
    jti: randomUUID(),
    iss: config.JWT_ISSUER,
    aud: config.JWT_AUDIENCE,
    iat: now(),
    exp: now() + 900,
    ...overrides,
  });
  const header = { alg: 'RS256', kid, typ: 'JWT' };

  afterAll(async () => {
    await redis.quit();
  });

  it('accepts a genuine token and yields the Actor', async () => {
    const outcome = await authenticate(signRs256(header, claims(), privateKey));
    expect(outcome).toEqual({ ok: true, user: { userId: 'user-1', roles: ['customer'] } });
  });

  it.each([
    ['expired', claims({ iat: now() - 1000, exp: now() - 60 })],
    ['wrong issuer', claims({ iss: 'someone-else' })],
    ['wrong audience', claims({ aud: 'another-api' })],
    ['unknown role', claims({ roles: ['root'] })],
    ['no jti', claims({ jti: undefined })],
  ])('rejects a token with %s', async (_case, body) => {
    expect(await authenticate(signRs256(header, body, privateKey))).toEqual({ ok: false });
  });

  it('rejects alg none, another key and a tampered payload', async () => {
    const genuine = signRs256(header, claims(), privateKey);
    const [, , signature] = genuine.split('.');
    const none = `${encode({ ...header, alg: 'none' })}.${encode(claims())}.`;
    const tampered = `${encode(header)}.${encode(claims({ roles: ['admin'] }))}.${signature}`;
    // HS256 keyed with the public key's PEM: the classic algorithm confusion.
    const hmacInput = `${encode({ ...header, alg: 'HS256' })}.${encode(claims())}`;
    const pem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const hs256 = `${hmacInput}.${createHmac('sha256', pem).update(hmacInput).digest('base64url')}`;
    for (const token of [none, signRs256(header, claims(), other), tampered, hs256]) {
      expect(await authenticate(token)).toEqual({ ok: false });
    }
  });

  it('refetches the JWKS on an unknown kid, at most once per minimum interval', async () => {
    await authenticate(signRs256(header, claims(), privateKey));
    const before = jwksCalls;
    const unknown = signRs256({ ...header, kid: 'nobody' }, claims(), other);
    expect(await authenticate(unknown)).toEqual({ ok: false });
    expect(await authenticate(unknown)).toEqual({ ok: false });
    expect(jwksCalls - before).toBeLessThanOrEqual(1);
  });

  it('rejects a token whose jti is on the denylist, until then it passes', async () => {
    const body = claims();
    const token = signRs256(header, body, privateKey);
    expect((await authenticate(token)).ok).toBe(true);
    await denylist.add(body.jti, body.exp);
    try {
      expect(await authenticate(token)).toEqual({ ok: false });
      expect(await redis.ttl(`auth:denylist:${body.jti}`)).toBeGreaterThan(800);
    } finally {
      await redis.del(`auth:denylist:${body.jti}`);
    }
  });

  it('maps the email_verified claim into the Actor', async () => {
    const outcome = await authenticate(signRs256(header, claims({ email_verified: false }), privateKey));
    expect(outcome).toEqual({
      ok: true,
      user: { userId: 'user-1', roles: ['customer'], emailVerified: false },
    });
  });

  it("rejects tokens issued before the user's sessions mark, by the millisecond", async () => {
    const sub = randomUUID();
    const mark = Date.now();
    const second = Math.floor(mark / 1000);
    const at = (iatMs: number | undefined) =>
      signRs256(
        header,
        claims({ sub, iat: second, ...(iatMs === undefined ? {} : { iat_ms: iatMs }) }),
        privateKey,
      );
    await redis.set(sessionsValidFromKey(sub), String(mark), 'PX', 60_000);
    try {
      expect((await authenticate(at(mark - 1))).ok).toBe(false);
      // Same second as the mark without the millisecond claim: counted from the second's start.
      expect((await authenticate(at(undefined))).ok).toBe(false);
      expect((await authenticate(at(mark))).ok).toBe(true);
      expect((await authenticate(at(mark + 1))).ok).toBe(true);
      // Another user's tokens are not affected.
      const other = signRs256(header, claims({ iat_ms: mark - 1 }), privateKey);
      expect((await authenticate(other)).ok).toBe(true);
    } finally {
      await redis.del(sessionsValidFromKey(sub));
    }
  });
});
