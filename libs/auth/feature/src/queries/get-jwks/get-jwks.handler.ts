import type { JwksDto } from '@bookstore/shared/contracts';
import { Injectable } from '@nestjs/common';

import { KeyStore } from '../../adapters/keys/key-store';

/** The public keys that verify access tokens (the gateway's JWKS), retired keys left out. */
@Injectable()
export class GetJwksHandler {
  constructor(private readonly keys: KeyStore) {}

  execute(): JwksDto {
    return this.keys.jwks();
  }
}
