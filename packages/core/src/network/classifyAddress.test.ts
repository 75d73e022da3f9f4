import { describe, expect, it } from 'vitest';
import { classifyAddress } from './classifyAddress';

/** How a URL's hostname spells a host after WHATWG parsing. */
const urlHostname = (host: string) => new URL(`http://${host}/`).hostname;

describe('classifyAddress', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['::1', 'loopback'],
    ['[::1]', 'loopback'],
    ['0.0.0.0', 'unspecified'],
    ['::', 'unspecified'],
    ['10.0.0.1', 'private'],
    ['172.16.5.4', 'private'],
    ['192.168.1.1', 'private'],
    ['169.254.169.254', 'linkLocal'],
    ['fe80::1', 'linkLocal'],
    ['fe80::1%eth0', 'linkLocal'],
    ['100.64.0.1', 'carrierGradeNat'],
    ['224.0.0.1', 'multicast'],
    ['ff02::1', 'multicast'],
    ['255.255.255.255', 'broadcast'],
    ['fc00::1', 'uniqueLocal'],
    ['fd12:3456::1', 'uniqueLocal'],
    ['192.0.2.1', 'reserved'],
    ['240.0.0.1', 'reserved'],
    ['2001:db8::1', 'reserved'],
  ])('blocks %s as %s', (ip, range) => {
    expect(classifyAddress(ip)).toBe(range);
  });

  it.each([
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['::ffff:10.1.2.3', 'private'],
    ['::ffff:0:127.0.0.1', 'loopback'],
    ['64:ff9b::127.0.0.1', 'loopback'],
    ['64:ff9b::a9fe:a9fe', 'linkLocal'],
    ['2002:7f00:1::', 'loopback'],
    ['2002:c0a8:101::1', 'private'],
    // Teredo client 127.0.0.1, stored with every bit flipped.
    ['2001:0:4136:e378:8000:63bf:80ff:fffe', 'loopback'],
    ['::7f00:1', 'loopback'],
  ])('unwraps the IPv4 address inside %s and blocks it as %s', (ip, range) => {
    expect(classifyAddress(ip)).toBe(range);
  });

  it.each([
    ['127.0.0.1', '127.0.0.1'],
    ['0x7f000001', '127.0.0.1'],
    ['2130706433', '127.0.0.1'],
    ['017700000001', '127.0.0.1'],
    ['0177.0.0.1', '127.0.0.1'],
    ['127.1', '127.0.0.1'],
    ['0', '0.0.0.0'],
    ['[::1]', '[::1]'],
    ['[::ffff:127.0.0.1]', '[::ffff:7f00:1]'],
    ['[64:ff9b::127.0.0.1]', '[64:ff9b::7f00:1]'],
  ])('blocks the URL host %s, which a URL reads as %s', (host, hostname) => {
    const parsed = urlHostname(host);
    expect(parsed).toBe(hostname);
    expect(classifyAddress(parsed)).toMatch(/^(loopback|unspecified)$/);
  });

  it.each(['0x7f000001', '2130706433', '017700000001', '0177.0.0.1', '127.1'])(
    'reads the legacy IPv4 spelling %s as loopback',
    (ip) => {
      expect(classifyAddress(ip)).toBe('loopback');
    },
  );

  it.each([
    '8.8.8.8',
    '1.1.1.1',
    '93.184.215.14',
    '2606:4700:4700::1111',
    '[2001:4860:4860::8888]',
    '::ffff:8.8.8.8',
    '64:ff9b::808:808',
  ])('lets the public address %s pass', (ip) => {
    expect(classifyAddress(ip)).toBeUndefined();
  });

  it('keeps 6to4 and Teredo blocked around a public IPv4 address', () => {
    expect(classifyAddress('2002:808:808::1')).toBe('6to4');
    expect(classifyAddress('2001:0:4136:e378:8000:63bf:f7f7:f7f7')).toBe('teredo');
  });

  it('blocks IPv6 outside global unicast that ipaddr.js calls unicast', () => {
    expect(classifyAddress('4000::1')).toBe('reserved');
  });

  it('blocks the NAT64 local-use prefix as is', () => {
    expect(classifyAddress('64:ff9b:1::808:808')).toBe('rfc6052');
  });

  it.each(['localhost', 'example.com', '', '256.1.1.1', '[::1', '1.2.3.4.5'])(
    'calls the non-address %j invalid, never public',
    (text) => {
      expect(classifyAddress(text)).toBe('invalid');
    },
  );
});
