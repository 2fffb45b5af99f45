import { randomUUID } from 'node:crypto';

/** A value unique to this test run, so tests never collide on shared data. */
export function unique(prefix = 't'): string {
  return `${prefix}-${randomUUID().slice(0, 8)}`;
}

export function uniqueEmail(): string {
  return `${unique('user')}@example.test`;
}
