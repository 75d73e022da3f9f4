import ipaddr from 'ipaddr.js';

type IPv4 = ipaddr.IPv4;
type IPv6 = ipaddr.IPv6;

// 64:ff9b::/96, the NAT64 well-known prefix: its last 32 bits are the IPv4 address reached.
const NAT64_WELL_KNOWN = ipaddr.parseCIDR('64:ff9b::/96');
// ::/96, the deprecated IPv4-compatible form (RFC 4291): never routed to IPv4 today, blocked.
const IPV4_COMPATIBLE = ipaddr.parseCIDR('::/96');
// 2000::/3: the only IPv6 block IANA hands out for global unicast.
const GLOBAL_UNICAST_V6 = ipaddr.parseCIDR('2000::/3');

/**
 * Why a step may not connect to an IP address: `undefined` for a public unicast address, else the
 * name of the range that blocks it (`loopback`, `private`, `linkLocal`, `carrierGradeNat`,
 * `unspecified`, `multicast`, `broadcast`, `uniqueLocal`, `reserved`, `invalid`, …).
 *
 * @remarks Default-deny: every range ipaddr.js does not call `unicast` is blocked, and so is IPv6
 * outside `2000::/3`. An IPv6 address that carries an IPv4 address (IPv4-mapped `::ffff:0:0/96`,
 * IPv4-translated `::ffff:0:0:0/96`, NAT64 `64:ff9b::/96`, 6to4 `2002::/16`, Teredo
 * `2001::/32`) is judged by the IPv4 address inside, so `::ffff:127.0.0.1` is `loopback`; 6to4
 * and Teredo stay blocked (as `6to4`/`teredo`) even around a public address. Accepts the
 * brackets of a URL host (`[::1]`) and the legacy IPv4 forms (`0x7f000001`, `127.1`); anything
 * that is not an IP address is `invalid`, never public.
 *
 * @example
 * classifyAddress('10.0.0.8'); // 'private'
 * classifyAddress('[::ffff:127.0.0.1]'); // 'loopback'
 * classifyAddress('93.184.215.14'); // undefined
 */
export function classifyAddress(ip: string): string | undefined {
  const text = ip.startsWith('[') && ip.endsWith(']') ? ip.slice(1, -1) : ip;
  let address: IPv4 | IPv6;
  try {
    address = ipaddr.parse(text);
  } catch {
    return 'invalid';
  }
  return address.kind() === 'ipv4' ? classifyIPv4(address as IPv4) : classifyIPv6(address as IPv6);
}

function classifyIPv4(address: IPv4): string | undefined {
  const range = address.range();
  return range === 'unicast' ? undefined : range;
}

function classifyIPv6(address: IPv6): string | undefined {
  const range = address.range();
  switch (range) {
    case 'ipv4Mapped':
    case 'rfc6145':
      return classifyIPv4(embeddedIPv4(address.parts[6]!, address.parts[7]!));
    case 'rfc6052':
      // The local-use prefix 64:ff9b:1::/48 leads to a private translator: blocked as is.
      return address.match(NAT64_WELL_KNOWN)
        ? classifyIPv4(embeddedIPv4(address.parts[6]!, address.parts[7]!))
        : range;
    case '6to4':
      return classifyIPv4(embeddedIPv4(address.parts[1]!, address.parts[2]!)) ?? range;
    case 'teredo':
      // Teredo stores the client's IPv4 address with every bit flipped (RFC 4380).
      return (
        classifyIPv4(embeddedIPv4(~address.parts[6]! & 0xffff, ~address.parts[7]! & 0xffff)) ??
        range
      );
    case 'unicast':
      if (address.match(IPV4_COMPATIBLE)) {
        return classifyIPv4(embeddedIPv4(address.parts[6]!, address.parts[7]!)) ?? 'ipv4Compatible';
      }
      return address.match(GLOBAL_UNICAST_V6) ? undefined : 'reserved';
    default:
      return range;
  }
}

function embeddedIPv4(high: number, low: number): IPv4 {
  return new ipaddr.IPv4([high >> 8, high & 0xff, low >> 8, low & 0xff]);
}
