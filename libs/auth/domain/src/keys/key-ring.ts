/** A signing key as the ring sees it: its id and from when it may sign (its declared activation). */
export interface KeyInfo {
  kid: string;
  activatesAt: Date;
}

/** Which key signs and which keys verify, at one moment. */
export interface KeySelection<K extends KeyInfo> {
  signing: K;
  verifying: K[];
}

/**
 * Key rotation by declared activation times, never file times: the newest key whose activation has
 * come signs. A key not yet active already verifies, so verifiers fetch it before its first token.
 * An older key keeps verifying until its successor has been active for `retireAfterMs` (at least
 * the access-token lifetime, so no live token loses its key), then it leaves the JWKS.
 */
export function selectKeys<K extends KeyInfo>(
  keys: readonly K[],
  now: Date,
  retireAfterMs: number,
): KeySelection<K> {
  if (keys.length === 0) throw new Error('no signing keys');
  const newestFirst = [...keys].sort(
    (a, b) => b.activatesAt.getTime() - a.activatesAt.getTime() || b.kid.localeCompare(a.kid),
  );
  const signingIndex = newestFirst.findIndex((key) => key.activatesAt.getTime() <= now.getTime());
  if (signingIndex === -1)
    throw new Error('no signing key is active yet (every activation time is in the future)');
  const verifying = newestFirst.filter(
    (_key, index) =>
      index <= signingIndex || now.getTime() - newestFirst[index - 1].activatesAt.getTime() < retireAfterMs,
  );
  return { signing: newestFirst[signingIndex], verifying };
}
