import type { PublicKeySource } from '@bookstore/shared/security';
import { jwksPublicKeys } from '@bookstore/shared/security';
import { Injectable } from '@nestjs/common';

import { KeyStore } from './key-store';

/**
 * The public keys auth verifies forwarded access tokens with: its own key ring, as published at
 * `auth.jwks` (so rotation applies the same way), with no round trip to itself.
 */
@Injectable()
export class OwnPublicKeys implements PublicKeySource {
  private publishedKids?: string;
  private keys = new Map<string, string>();

  constructor(private readonly store: KeyStore) {}

  async keyFor(kid: string): Promise<string | undefined> {
    const jwks = this.store.jwks();
    // Converted again only when the published keys changed (rotation, retirement).
    const kids = jwks.keys.map((key) => key.kid).join(',');
    if (kids !== this.publishedKids) {
      this.keys = jwksPublicKeys(jwks);
      this.publishedKids = kids;
    }
    return this.keys.get(kid);
  }
}
