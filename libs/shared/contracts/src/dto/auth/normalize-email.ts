import type { TransformFnParams } from 'class-transformer';

/**
 * E-mail addresses are compared lower-cased and trimmed everywhere (uniqueness, login, throttling).
 * Non-strings pass through unchanged so the validators reject them (no operator objects reach Mongo).
 */
export function normalizeEmailValue({ value }: TransformFnParams): unknown {
  return typeof value === 'string' ? value.trim().toLowerCase() : value;
}
