import ipaddr from 'ipaddr.js';

/**
 * The group of client addresses one party is taken to hold, for counting what a caller does by
 * IP: an IPv4 address itself (an IPv4-mapped IPv6 address counts as its IPv4 address), an IPv6
 * address's /64, since one host or home line is handed a whole /64 and could otherwise count as
 * billions of callers. Text that is not an IP address is kept as it is.
 *
 * @example
 * clientAddressGroup('::ffff:10.0.0.1'); // '10.0.0.1'
 * clientAddressGroup('2001:db8:1:2:aaaa::1'); // '2001:db8:1:2::/64'
 */
export function clientAddressGroup(ip: string): string {
  if (!ipaddr.isValid(ip)) return ip;
  const address = ipaddr.process(ip);
  if (address.kind() === 'ipv4') return address.toString();
  const parts = (address as ipaddr.IPv6).parts.slice(0, 4);
  return `${new ipaddr.IPv6([...parts, 0, 0, 0, 0]).toString()}/64`;
}
