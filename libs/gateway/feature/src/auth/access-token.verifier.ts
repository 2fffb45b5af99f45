import type { SignedTokenVerifier, VerifiedCaller } from '@bookstore/shared/security';

import type { TokenDenylist } from './token-denylist';

export type { VerifiedCaller } from '@bookstore/shared/security';

/**
 * Verifies bearer access tokens at the gateway: the token itself (SignedTokenVerifier of
 * shared/security: RS256 by the cached JWKS key its `kid` names, issuer, audience, expiry with no
 * leeway), then revocation (its `jti` on the denylist, or issued before its user's sessions mark:
 * one Redis round trip). Revocation is checked here only; the services behind the gateway verify
 * the forwarded token's signature and expiry themselves. Built by AuthRoutesModule.
 */
export class AccessTokenVerifier {
  constructor(
    private readonly tokens: SignedTokenVerifier,
    private readonly denylist: TokenDenylist,
  ) {}

  /** The caller, or null for a token that is malformed, forged, expired, foreign or revoked. */
  async verify(rawToken: string): Promise<VerifiedCaller | null> {
    const caller = await this.tokens.verify(rawToken);
    // Redis trouble throws (503): security state fails closed.
    if (!caller || (await this.denylist.isRevoked(caller.token))) return null;
    return caller;
  }
}
