import type { ValidationOptions } from 'class-validator';
import { buildMessage, ValidateBy } from 'class-validator';

import { isAddressOrRange } from '../auth/client-address';

/** proxy-addr's names for the reserved ranges, accepted beside addresses and CIDRs. */
const RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/**
 * Fastify's `trustProxy` from TRUSTED_PROXIES: empty trusts nobody (X-Forwarded-For is ignored and
 * the client is the socket's peer); a number trusts that many hops in front of the gateway; a
 * comma-separated list trusts those addresses, CIDR ranges or range names. With a list, the client
 * is the first untrusted address from the right of X-Forwarded-For, so entries a client forged to
 * its left change nothing.
 */
export function trustProxyOption(value: string): boolean | number | string[] {
  const text = value.trim();
  if (text === '') return false;
  if (/^\d+$/.test(text)) return Number(text);
  return splitEntries(text);
}

function splitEntries(text: string): string[] {
  return text
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
}

/** Whether TRUSTED_PROXIES can be read (see trustProxyOption). */
export function isTrustedProxies(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const text = value.trim();
  if (text === '' || /^\d{1,2}$/.test(text)) return true;
  const entries = splitEntries(text);
  return entries.length > 0 && entries.every((entry) => RANGE_NAMES.has(entry) || isAddressOrRange(entry));
}

/** Config validation of TRUSTED_PROXIES. */
export function IsTrustedProxies(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isTrustedProxies',
      validator: {
        validate: isTrustedProxies,
        defaultMessage: buildMessage(
          () =>
            '$property must be empty, a hop count, or comma-separated IP addresses, CIDR ranges or loopback/linklocal/uniquelocal',
          options,
        ),
      },
    },
    options,
  );
}
