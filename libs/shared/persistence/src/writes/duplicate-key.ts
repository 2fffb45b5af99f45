/** MongoDB's duplicate-key error code: a unique index refused the write. */
export const DUPLICATE_KEY = 11000;

/** True when `error` is a duplicate-key error (a unique index held). */
export function isDuplicateKey(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === DUPLICATE_KEY;
}
