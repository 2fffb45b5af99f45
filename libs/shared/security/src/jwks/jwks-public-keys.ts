import { createPublicKey } from 'node:crypto';

import type { JwksDto } from '@bookstore/shared/contracts';

/** The RS256 keys of a JWKS by `kid`, as SPKI PEM (the key form JwtService.verifyAsync takes). */
export function jwksPublicKeys(jwks: JwksDto): Map<string, string> {
  const keys = new Map<string, string>();
  for (const jwk of jwks.keys ?? []) {
    if (jwk.kty !== 'RSA' || jwk.alg !== 'RS256' || !jwk.n || !jwk.e) continue;
    const key = createPublicKey({ key: { kty: 'RSA', n: jwk.n, e: jwk.e }, format: 'jwk' });
    keys.set(jwk.kid, key.export({ type: 'spki', format: 'pem' }).toString());
  }
  return keys;
}
