import { BlockList, isIP, isIPv4 } from 'node:net';

import type { ValidationOptions } from 'class-validator';
import { buildMessage, ValidateBy } from 'class-validator';

const MAPPED_IPV4 = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i;

/** An IPv4-mapped IPv6 address (`::ffff:1.2.3.4`) as the IPv4 address it is; anything else as is. */
export function unmapIPv4(address: string): string {
  return MAPPED_IPV4.exec(address)?.[1] ?? address;
}

/** The eight 16-bit groups of an IPv6 address, expanded from its `::` and dotted-quad forms. */
export function ipv6Groups(address: string): number[] {
  let text = address.split('%')[0] ?? address;
  const quad = /(\d{1,3}(?:\.\d{1,3}){3})$/.exec(text);
  if (quad?.[1]) {
    const [a, b, c, d] = quad[1].split('.').map(Number) as [number, number, number, number];
    text = `${text.slice(0, quad.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const parse = (part: string) => (part ? part.split(':').map((group) => parseInt(group, 16)) : []);
  const left = parse(head);
  const right = tail === undefined ? [] : parse(tail);
  return [...left, ...new Array<number>(8 - left.length - right.length).fill(0), ...right];
}

/**
 * A plain IP address or a CIDR range (`10.0.0.0/8`, `2001:db8::/32`): the form TRUSTED_PROXIES
 * and RATE_LIMIT_EXEMPT_CLIENTS entries take.
 */
export function isAddressOrRange(entry: string): boolean {
  const [address = '', prefix, extra] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || extra !== undefined) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

/** Config validation: each entry an IP address or CIDR range (use with `{ each: true }`). */
export function IsAddressOrRange(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isAddressOrRange',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && isAddressOrRange(value),
        defaultMessage: buildMessage(
          (each) => `${each}$property must hold IP addresses or CIDR ranges`,
          options,
        ),
      },
    },
    options,
  );
}

/** A set of addresses and CIDR ranges that a client address is looked up in. */
export class ClientAddressList {
  private readonly list = new BlockList();
  readonly empty: boolean;

  /** Entries must pass `isAddressOrRange` (config validation sees to it). */
  constructor(entries: readonly string[]) {
    this.empty = entries.length === 0;
    for (const entry of entries) {
      const [address = '', prefix] = entry.split('/');
      const family = isIPv4(address) ? 'ipv4' : 'ipv6';
      if (prefix === undefined) this.list.addAddress(address, family);
      else this.list.addSubnet(address, Number(prefix), family);
    }
  }

  has(address: string): boolean {
    if (this.empty) return false;
    const plain = unmapIPv4(address);
    const family = isIP(plain);
    return family !== 0 && this.list.check(plain, family === 4 ? 'ipv4' : 'ipv6');
  }
}
