import type { KeyObject } from 'node:crypto';
import { createHash, createPrivateKey, createPublicKey } from 'node:crypto';

import type { KeyInfo } from '@bookstore/auth/domain';
import { selectKeys } from '@bookstore/auth/domain';
import type { JwkDto, JwksDto } from '@bookstore/shared/contracts';

import type { KeyFile } from './key-files';
import { KeyFilesError } from './key-files';

export const ACCESS_TOKEN_ALG = 'RS256';

/** A loaded key pair: the private half signs, the public half is published. */
export interface SigningKey extends KeyInfo {
  privateKey: KeyObject;
  publicJwk: JwkDto;
}

/**
 * The key ring at a moment (see `selectKeys`): the newest active key signs, the others verify until
 * retired. A key's id is the one its metadata declares, else its RFC 7638 thumbprint (stable across
 * restarts and replicas).
 */
export class SigningKeys {
  private constructor(
    private readonly keys: SigningKey[],
    private readonly retireAfterMs: number,
  ) {}

  static fromFiles(files: readonly KeyFile[], retireAfterMs: number): SigningKeys {
    const keys = files.map((file) => toSigningKey(file));
    const kids = keys.map((key) => key.kid);
    const duplicate = kids.find((kid, index) => kids.indexOf(kid) !== index);
    if (duplicate) throw new KeyFilesError(`two keys have the id ${duplicate}: each key needs its own kid`);
    return new SigningKeys(keys, retireAfterMs);
  }

  signing(now = new Date()): SigningKey {
    return selectKeys(this.keys, now, this.retireAfterMs).signing;
  }

  jwks(now = new Date()): JwksDto {
    return { keys: selectKeys(this.keys, now, this.retireAfterMs).verifying.map((key) => key.publicJwk) };
  }
}

/** RFC 7638: the SHA-256 of the JWK's required members in lexicographic order, base64url. */
export function rsaThumbprint(jwk: { e: string; n: string }): string {
  return createHash('sha256')
    .update(JSON.stringify({ e: jwk.e, kty: 'RSA', n: jwk.n }))
    .digest('base64url');
}

function toSigningKey(file: KeyFile): SigningKey {
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(file.pem);
  } catch {
    throw new KeyFilesError(`${file.name} is not a PEM private key`);
  }
  const jwk = createPublicKey(privateKey).export({ format: 'jwk' });
  if (jwk.kty !== 'RSA' || !jwk.n || !jwk.e)
    throw new KeyFilesError(`${file.name} is not an RSA private key`);
  const kid = file.kid ?? rsaThumbprint({ n: jwk.n, e: jwk.e });
  return {
    kid,
    activatesAt: file.activatesAt,
    privateKey,
    publicJwk: { kty: 'RSA', n: jwk.n, e: jwk.e, kid, alg: ACCESS_TOKEN_ALG, use: 'sig' },
  };
}
