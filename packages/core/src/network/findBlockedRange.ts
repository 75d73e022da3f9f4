import { classifyAddress } from './classifyAddress';

// WHATWG URL parsing turns every IPv4 spelling (`0x7f000001`, `2130706433`, `0177.0.0.1`,
// `127.1`) into dotted decimal, so this is the only IPv4 form a URL's hostname can hold.
const DOTTED_IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;

/**
 * The range that blocks a URL's host before any connection is made: an IP literal in a guarded
 * range, or `localhost` and its subdomains (`loopback`); `undefined` when nothing in the URL
 * itself is guarded.
 *
 * @remarks A host name other than `localhost` passes here: what it resolves to is checked by a
 * transport that can see DNS answers (the server adapter's), not by this function.
 */
export function findBlockedRange(url: URL): string | undefined {
  const hostname = url.hostname.toLowerCase();
  if (hostname.startsWith('[') || DOTTED_IPV4.test(hostname)) return classifyAddress(hostname);
  const name = hostname.endsWith('.') ? hostname.slice(0, -1) : hostname;
  if (name === 'localhost' || name.endsWith('.localhost')) return 'loopback';
  return undefined;
}
