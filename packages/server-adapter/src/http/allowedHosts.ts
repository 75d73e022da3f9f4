import { ErrorCode } from '@flowloom/core';
import { httpError } from './errorResponse';

/**
 * Whether a request's host is one of `allowedHosts`: a host name or IP address (`'localhost'`,
 * `'127.0.0.1'`, `'[::1]'`), a domain with its subdomains (`'.example.com'`), or `'*'` for any.
 * The port is not compared. The host is the `Host` header, else the URL's (a request made in
 * process).
 */
export function isHostAllowed(request: Request, allowedHosts: readonly string[]): boolean {
  if (allowedHosts.includes('*')) return true;
  const host = hostNameOf(request.headers.get('host') ?? new URL(request.url).host);
  if (host === undefined) return false;
  return allowedHosts.some((entry) => {
    const allowed = normalise(entry);
    if (allowed.startsWith('.')) return host === allowed.slice(1) || host.endsWith(allowed);
    return host === allowed;
  });
}

/**
 * Refuses a request whose `Host` is not one of `allowedHosts` (when the host configured any):
 * a page on another site that rebinds its own name to this server's address (DNS rebinding)
 * reaches it with its own name as `Host`, which is not on the list.
 *
 * @throws FlowloomError `HOST_NOT_ALLOWED` (421 Misdirected Request).
 */
export function refuseOtherHosts(request: Request, allowedHosts: readonly string[] | undefined) {
  if (allowedHosts === undefined || isHostAllowed(request, allowedHosts)) return;
  throw httpError(
    ErrorCode.HOST_NOT_ALLOWED,
    'This server does not answer for the host this request names (see allowedHosts)',
  );
}

/** The host name of a `Host` value, lower-case, without its port; `undefined` when malformed. */
function hostNameOf(host: string): string | undefined {
  const match = /^(\[[\da-f:.]+\]|[^\s:/?#@[\]]+)(?::\d{1,5})?$/i.exec(host.trim());
  return match ? normalise(match[1]!) : undefined;
}

function normalise(host: string): string {
  const lower = host.trim().toLowerCase().replace(/\.$/, '');
  // `::1` and `[::1]` name the same host.
  return lower.includes(':') && !lower.startsWith('[') ? `[${lower}]` : lower;
}
