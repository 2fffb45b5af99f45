/** The PublicKeySource a service verifies access tokens with (JwksCache unless it holds the keys). */
export const PUBLIC_KEY_SOURCE = Symbol('PUBLIC_KEY_SOURCE');
