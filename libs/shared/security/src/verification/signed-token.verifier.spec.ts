import { generateKeyPairSync, randomUUID } from 'node:crypto';

import { Role } from '@bookstore/shared/contracts';
import { JwtService } from '@nestjs/jwt';

import type { PublicKeySource } from './public-key-source';
import { SignedTokenVerifier } from './signed-token.verifier';

const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const keys: PublicKeySource = {
  keyFor: async (kid) =>
    kid === 'k1' ? publicKey.export({ type: 'spki', format: 'pem' }).toString() : undefined,
};
const options = { issuer: 'bookstore-auth', audience: 'bookstore-api' };
const jwt = new JwtService();
const now = () => Math.floor(Date.now() / 1000);

/** A token as auth signs it, expiring `expiresIn` seconds from now (negative: in the past). */
function token(expiresIn: number, claims: object = {}, signedFor: Partial<typeof options> = {}): string {
  return jwt.sign(
    {
      sub: 'u1',
      roles: [Role.Admin],
      jti: randomUUID(),
      iat: now() - 900,
      exp: now() + expiresIn,
      ...claims,
    },
    {
      privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      algorithm: 'RS256',
      keyid: 'k1',
      ...options,
      ...signedFor,
    },
  );
}

describe('SignedTokenVerifier', () => {
  it('yields the actor of a genuine token, with email_verified', async () => {
    const caller = await new SignedTokenVerifier(keys, options).verify(token(60, { email_verified: true }));
    expect(caller?.actor).toEqual({ userId: 'u1', roles: [Role.Admin], emailVerified: true });
  });

  it('accepts a token that expired within the clock leeway, and none past it', async () => {
    const lenient = new SignedTokenVerifier(keys, { ...options, clockToleranceSeconds: 30 });
    const strict = new SignedTokenVerifier(keys, options);
    const justExpired = token(-10);
    expect(await lenient.verify(justExpired)).not.toBeNull();
    expect(await strict.verify(justExpired)).toBeNull();
    expect(await lenient.verify(token(-60))).toBeNull();
  });

  it('refuses a foreign issuer or audience, an unknown kid and garbage', async () => {
    const verifier = new SignedTokenVerifier(keys, options);
    expect(await verifier.verify(token(60, {}, { issuer: 'someone-else' }))).toBeNull();
    expect(await verifier.verify(token(60, {}, { audience: 'another-api' }))).toBeNull();
    expect(await verifier.verify('not.a.token')).toBeNull();
  });
});
