/**
 * Where a verifier finds the public key of a `kid`: the JWKS fetched from auth (JwksCache), or, in
 * the auth service itself, its own key ring.
 */
export interface PublicKeySource {
  /** The key as SPKI PEM, or undefined for an id it does not know (even after looking again). */
  keyFor(kid: string): Promise<string | undefined>;
}
