import { generateKeyPairSync } from 'node:crypto';

import type { JwksDto } from '@bookstore/shared/contracts';
import type { RpcClient } from '@bookstore/shared/messaging';

import { JwksCache } from './jwks-cache';

const jwk = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ format: 'jwk' });
const JWKS: JwksDto = {
  keys: [{ kty: 'RSA', n: jwk.n ?? '', e: jwk.e ?? '', kid: 'k1', alg: 'RS256', use: 'sig' }],
};

/** An RPC client whose `auth.jwks` answers fail `failures` times, then succeed. */
function authAnswering(failures: number): { rpc: RpcClient; calls: () => number } {
  let calls = 0;
  const rpc = {
    send: async () => {
      calls++;
      if (calls <= failures) throw new Error('auth is not up yet');
      return JWKS;
    },
  } as unknown as RpcClient;
  return { rpc, calls: () => calls };
}

describe('JwksCache', () => {
  const options = { refreshIntervalSeconds: 300, minRefetchSeconds: 60 };

  it('waits for a fetch while it holds no key, however recent the last (failed) one', async () => {
    const auth = authAnswering(1);
    const cache = new JwksCache(auth.rpc, options);
    // The start-up prefetch failed a moment ago (auth started after this service).
    await expect(cache.fetch()).rejects.toThrow('not up yet');
    expect(await cache.keyFor('k1')).toContain('BEGIN PUBLIC KEY');
    expect(auth.calls()).toBe(2);
  });

  it('refetches for an unknown kid at most once per minimum interval once it holds keys', async () => {
    const auth = authAnswering(0);
    const cache = new JwksCache(auth.rpc, options);
    await cache.fetch();
    expect(await cache.keyFor('forged')).toBeUndefined();
    expect(await cache.keyFor('forged-again')).toBeUndefined();
    expect(await cache.keyFor('k1')).toBeDefined();
    expect(auth.calls()).toBe(1);
  });
});
