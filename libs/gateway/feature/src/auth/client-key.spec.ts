import { clientKeyOf } from './client-key';

describe('clientKeyOf', () => {
  it('keys IPv4 clients by address', () => {
    expect(clientKeyOf({ ip: '203.0.113.7' })).toBe('203.0.113.7');
  });

  it('keys an IPv4-mapped IPv6 address as the IPv4 address', () => {
    expect(clientKeyOf({ ip: '::ffff:203.0.113.7' })).toBe('203.0.113.7');
    expect(clientKeyOf({ ip: '::FFFF:10.1.2.3' })).toBe('10.1.2.3');
  });

  it('keys IPv6 clients by their /64, whatever the address is written as', () => {
    const key = clientKeyOf({ ip: '2001:db8:1:2:aaaa:bbbb:cccc:dddd' });
    expect(key).toBe('2001:db8:1:2::/64');
    expect(clientKeyOf({ ip: '2001:db8:1:2::1' })).toBe(key);
    expect(clientKeyOf({ ip: '2001:0db8:0001:0002:0:0:0:ffff' })).toBe(key);
    expect(clientKeyOf({ ip: '2001:db8:1:3::1' })).not.toBe(key);
  });

  it('handles the short IPv6 forms', () => {
    expect(clientKeyOf({ ip: '::1' })).toBe('0:0:0:0::/64');
    expect(clientKeyOf({ ip: 'fe80::1%eth0' })).toBe('fe80:0:0:0::/64');
    expect(clientKeyOf({ ip: '64:ff9b::192.0.2.33' })).toBe('64:ff9b:0:0::/64');
  });

  it('never answers an empty key', () => {
    expect(clientKeyOf({})).toBe('unknown');
  });
});
