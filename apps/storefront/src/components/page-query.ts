import type { QueryParams } from '../api/query-string';
import { toQueryString } from '../api/query-string';

/** A positive integer from the URL (page numbers), or `fallback`. */
export function positiveInt(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

/** A whole number of cents from the URL, or undefined. */
export function centsParam(value: string | undefined): number | undefined {
  if (value === undefined || value === '') return undefined;
  const n = Number(value);
  return Number.isInteger(n) && n >= 0 ? n : undefined;
}

/** `path` with these query parameters (unset ones left out). */
export function hrefWith(path: string, params: QueryParams): string {
  return `${path}${toQueryString(params)}`;
}
