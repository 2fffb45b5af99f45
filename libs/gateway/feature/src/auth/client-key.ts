import { isIPv6 } from 'node:net';

import { ipv6Groups, unmapIPv4 } from './client-address';

/**
 * Who a request comes from, as every limiter counts it: the address Fastify resolved (the socket's,
 * or X-Forwarded-For's only through proxies listed in TRUSTED_PROXIES), IPv4 by address, an
 * IPv4-mapped IPv6 address as its IPv4 address, and IPv6 by its /64: one subscriber usually holds
 * a whole /64 and could otherwise take a fresh address for every attempt.
 */
export function clientKeyOf(request: { ip?: string }): string {
  const address = unmapIPv4(request.ip ?? '');
  if (!isIPv6(address)) return address || 'unknown';
  const prefix = ipv6Groups(address)
    .slice(0, 4)
    .map((group) => group.toString(16))
    .join(':');
  return `${prefix}::/64`;
}
