import { describe, expect, it } from 'vitest';
import { clientAddressGroup } from './clientAddressGroup';

describe('clientAddressGroup', () => {
  it('keeps an IPv4 address, and takes an IPv4-mapped IPv6 address as its IPv4 address', () => {
    expect(clientAddressGroup('203.0.113.7')).toBe('203.0.113.7');
    expect(clientAddressGroup('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(clientAddressGroup('::ffff:cb00:7107')).toBe('203.0.113.7');
  });

  it('groups IPv6 addresses by their /64, however they are written', () => {
    const group = clientAddressGroup('2001:db8:1:2::1');
    expect(group).toBe('2001:db8:1:2::/64');
    expect(clientAddressGroup('2001:0db8:0001:0002:ffff:ffff:ffff:fffe')).toBe(group);
    expect(clientAddressGroup('2001:db8:1:3::1')).not.toBe(group);
    expect(clientAddressGroup('::1')).toBe('::/64');
  });

  it('keeps text that is no IP address as it is', () => {
    expect(clientAddressGroup('unknown')).toBe('unknown');
    expect(clientAddressGroup('')).toBe('');
  });
});
