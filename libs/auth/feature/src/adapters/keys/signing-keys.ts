import { createPublicKey } from 'node:crypto';

import type { KeyInfo } from '@bookstore/auth/domain';
import { selectKeys } from '@bookstore/auth/domain';
import type { JwkDto, JwksDto } from '@bookstore/shared/contracts';
import type { CryptoKey } from 'jose';
import { calculateJwkThumbprint, importPKCS8 } from 'jose';

import type { KeyFile } from './key-files';

export const ACCESS_TOKEN_ALG = 'RS256';

/** A loaded key pair: the private half signs, the public half is published. */
export interface SigningKey extends KeyInfo {
  privateKey: CryptoKey;
  publicJwk: JwkDto;
}

/**
 * The key ring at a moment: the newest key signs, older ones verify until retired (see
 * `selectKeys`). The key id is the RFC 7638 thumbprint, so it is stable across restarts.
 */
export class SigningKeys {
  private constructor(
    private readonly keys: SigningKey[],
    private readonly retireAfterMs: number,
  ) {}

  static async fromFiles(files: KeyFile[], retireAfterMs: number): Promise<SigningKeys> {
    const keys = await Promise.all(files.map((file) => toSigningKey(file)));
    return new SigningKeys(keys, retireAfterMs);
  }

  signing(now = new Date()): SigningKey {
    return selectKeys(this.keys, now, this.retireAfterMs).signing;
  }

  jwks(now = new Date()): JwksDto {
    return { keys: selectKeys(this.keys, now, this.retireAfterMs).verifying.map((key) => key.publicJwk) };
  }
}

async function toSigningKey(file: KeyFile): Promise<SigningKey> {
  const jwk = createPublicKey(file.pem).export({ format: 'jwk' });
  if (jwk.kty !== 'RSA' || !jwk.n || !jwk.e) throw new Error(`${file.name} is not an RSA private key`);
  const kid = await calculateJwkThumbprint({ kty: 'RSA', n: jwk.n, e: jwk.e });
  return {
    kid,
    createdAt: file.createdAt,
    privateKey: await importPKCS8(file.pem, ACCESS_TOKEN_ALG),
    publicJwk: { kty: 'RSA', n: jwk.n, e: jwk.e, kid, alg: ACCESS_TOKEN_ALG, use: 'sig' },
  };
}
