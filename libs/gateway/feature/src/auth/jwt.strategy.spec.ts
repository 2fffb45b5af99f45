import { randomUUID } from 'node:crypto';
import { generateKeyPairSync, type KeyObject, sign } from 'node:crypto';

import type { RpcClient } from '@bookstore/shared/messaging';
import { Redis } from 'ioredis';

import { AuthRoutesConfig } from './auth-routes.config';
import { JwksCache } from './jwks-cache';
import { JwtStrategy } from './jwt.strategy';
import { TokenDenylist } from './token-denylist';

const encode = (part: object) => Buffer.from(JSON.stringify(part)).toString('base64url');

function signRs256(header: object, claims: object, key: KeyObject): string {
  const input = `${encode(header)}.${encode(claims)}`;
  return `${input}.${sign('sha256', Buffer.from(input), key).toString('base64url')}`;
}

type Outcome = { ok: true; user: unknown } | { ok: false };

/** Runs the passport strategy on one bearer token, as AuthGuard would. */
function authenticate(strategy: JwtStrategy, token: string): Promise<Outcome> {
  return new Promise((resolve) => {
    const run = Object.create(strategy) as JwtStrategy & Record<string, unknown>;
    run['success'] = (user: unknown) => resolve({ ok: true, user });
    run['fail'] = () => resolve({ ok: false });
    run['error'] = () => resolve({ ok: false });
    (run as unknown as { authenticate: (req: object, options: object) => void }).authenticate(
      { headers: { authorization: `Bearer ${token}` } },
      {},
    );
  });
}

describe('JwtStrategy (local access-token verification)', () => {
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
  const strategy = new JwtStrategy(new JwksCache(rpc, config), denylist, config);

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
    const outcome = await authenticate(strategy, signRs256(header, claims(), privateKey));
    expect(outcome).toEqual({ ok: true, user: { userId: 'user-1', roles: ['customer'] } });
  });

  it.each([
    ['expired', claims({ iat: now() - 1000, exp: now() - 60 })],
    ['wrong issuer', claims({ iss: 'someone-else' })],
    ['wrong audience', claims({ aud: 'another-api' })],
    ['unknown role', claims({ roles: ['root'] })],
    ['no jti', claims({ jti: undefined })],
  ])('rejects a token with %s', async (_case, body) => {
    expect(await authenticate(strategy, signRs256(header, body, privateKey))).toEqual({ ok: false });
  });

  it('rejects alg none, another key and a tampered payload', async () => {
    const genuine = signRs256(header, claims(), privateKey);
    const [, , signature] = genuine.split('.');
    const none = `${encode({ ...header, alg: 'none' })}.${encode(claims())}.`;
    const tampered = `${encode(header)}.${encode(claims({ roles: ['admin'] }))}.${signature}`;
    for (const token of [none, signRs256(header, claims(), other), tampered]) {
      expect(await authenticate(strategy, token)).toEqual({ ok: false });
    }
  });

  it('refetches the JWKS on an unknown kid, at most once per minimum interval', async () => {
    await authenticate(strategy, signRs256(header, claims(), privateKey));
    const before = jwksCalls;
    const unknown = signRs256({ ...header, kid: 'nobody' }, claims(), other);
    expect(await authenticate(strategy, unknown)).toEqual({ ok: false });
    expect(await authenticate(strategy, unknown)).toEqual({ ok: false });
    expect(jwksCalls - before).toBeLessThanOrEqual(1);
  });

  it('rejects a token whose jti is on the denylist, until then it passes', async () => {
    const body = claims();
    const token = signRs256(header, body, privateKey);
    expect((await authenticate(strategy, token)).ok).toBe(true);
    await denylist.add(body.jti, body.exp);
    try {
      expect(await authenticate(strategy, token)).toEqual({ ok: false });
      expect(await redis.ttl(`auth:denylist:${body.jti}`)).toBeGreaterThan(800);
    } finally {
      await redis.del(`auth:denylist:${body.jti}`);
    }
  });
});
