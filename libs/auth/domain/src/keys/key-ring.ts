/** A signing key as the ring sees it: its id and when it was put in place. */
export interface KeyInfo {
  kid: string;
  createdAt: Date;
}

/** Which key signs and which keys still verify, at one moment. */
export interface KeySelection<K extends KeyInfo> {
  signing: K;
  verifying: K[];
}

/**
 * Key rotation: the newest key signs; an older key keeps verifying until its successor has been in
 * place for `retireAfterMs` (at least the access-token lifetime, so no live token loses its key),
 * then it is retired and leaves the JWKS.
 */
export function selectKeys<K extends KeyInfo>(
  keys: readonly K[],
  now: Date,
  retireAfterMs: number,
): KeySelection<K> {
  if (keys.length === 0) throw new Error('no signing keys');
  const newestFirst = [...keys].sort(
    (a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.kid.localeCompare(a.kid),
  );
  const verifying = newestFirst.filter(
    (_key, index) =>
      index === 0 || now.getTime() - newestFirst[index - 1].createdAt.getTime() < retireAfterMs,
  );
  return { signing: newestFirst[0], verifying };
}
