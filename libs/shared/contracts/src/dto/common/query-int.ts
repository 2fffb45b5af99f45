import { Transform } from 'class-transformer';

const DECIMAL = /^-?\d{1,16}$/;

/**
 * A whole number from a query string, written in decimal digits only. `Number()` (what
 * `@Type(() => Number)` applies) also reads `0x10`, `1e2` and ` 5 ` as numbers, so `?page=0x10`
 * silently answered page 16; anything but plain digits is left as it came, for `@IsInt` to refuse.
 * Numbers pass through unchanged (a service validating an RPC payload sees them already parsed).
 */
export function QueryInt(): PropertyDecorator {
  return Transform(({ value }) => (typeof value === 'string' && DECIMAL.test(value) ? Number(value) : value));
}
