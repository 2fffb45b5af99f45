import { loadConfig } from '@bookstore/shared/platform';

import { clientKeyOf } from '../auth/client-key';
import { GatewayConfig } from '../config/gateway.config';
import { gatewayHttpAdapter } from './configure-http';

/** The gateway's real Fastify adapter, asked who a request comes from (what every limiter keys on). */
async function clientOf(
  trustedProxies: string,
  remoteAddress: string,
  forwardedFor?: string,
): Promise<string> {
  const config = loadConfig(GatewayConfig, { TRUSTED_PROXIES: trustedProxies });
  const fastify = gatewayHttpAdapter(config).getInstance();
  fastify.get('/who', async (request) => ({ client: clientKeyOf(request) }));
  try {
    const res = await fastify.inject({
      method: 'GET',
      url: '/who',
      remoteAddress,
      headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {},
    });
    return (res.json() as { client: string }).client;
  } finally {
    await fastify.close();
  }
}

describe('TRUSTED_PROXIES and the client address', () => {
  it('by default believes no X-Forwarded-For, not even from this host', async () => {
    expect(await clientOf('', '127.0.0.1', '203.0.113.9')).toBe('127.0.0.1');
    expect(await clientOf('', '198.51.100.4', '203.0.113.9')).toBe('198.51.100.4');
  });

  it('believes a listed proxy, and only the entry that proxy added', async () => {
    expect(await clientOf('127.0.0.1', '127.0.0.1', '203.0.113.9')).toBe('203.0.113.9');
    // A client behind the proxy forges entries to the left of what the proxy appends.
    expect(await clientOf('127.0.0.1', '127.0.0.1', '192.0.2.66, 203.0.113.9')).toBe('203.0.113.9');
    expect(await clientOf('10.0.0.0/8, 127.0.0.1', '10.1.2.3', '192.0.2.66, 203.0.113.9, 10.9.9.9')).toBe(
      '203.0.113.9',
    );
  });

  it('ignores X-Forwarded-For from an address that is not listed', async () => {
    expect(await clientOf('10.0.0.0/8', '198.51.100.4', '203.0.113.9')).toBe('198.51.100.4');
  });

  it('with a hop count, takes the address that many hops in', async () => {
    expect(await clientOf('1', '10.1.2.3', '192.0.2.66, 203.0.113.9')).toBe('203.0.113.9');
  });

  it('keys a forwarded IPv6 client by its /64', async () => {
    expect(await clientOf('127.0.0.1', '127.0.0.1', '2001:db8:5:6:1:2:3:4')).toBe('2001:db8:5:6::/64');
  });

  it('refuses a malformed setting at start-up, naming the variable', () => {
    for (const bad of ['*', 'true', '10.0.0.0/33', 'proxy.example.com', '1.2.3.4/8/1']) {
      expect(() => loadConfig(GatewayConfig, { TRUSTED_PROXIES: bad })).toThrow(/TRUSTED_PROXIES/);
    }
    for (const good of ['2', '10.0.0.0/8,fd00::/8', 'loopback, 192.168.1.10']) {
      expect(loadConfig(GatewayConfig, { TRUSTED_PROXIES: good }).TRUSTED_PROXIES).toBe(good);
    }
  });
});
