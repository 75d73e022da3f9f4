import { ErrorCode } from '../errors/errorCodes';
import { FlowloomError } from '../errors/FlowloomError';
import { blockedDestinationError } from './blockedDestinationError';
import { capResponseBody } from './capResponseBody';
import { createHostAllowList } from './createHostAllowList';
import { findBlockedRange } from './findBlockedRange';
import { type GuardTransport, globalFetchTransport } from './guardTransport';
import { type HopRequest, nextRedirect } from './nextRedirect';
import { type NetworkOptionsInput, NetworkOptionsSchema, type StepFetch } from './stepFetch';

/** Redirects a guarded fetch follows before it gives up. */
const MAX_REDIRECTS = 5;

/** Options of {@link createGuardedFetch}. */
export interface GuardedFetchOptions {
  /** What steps may reach; defaults block private and local addresses and cap bodies at 10 MiB. */
  network?: NetworkOptionsInput;
  /**
   * What sends each hop.
   * @default the global `fetch`, which cannot check DNS answers (see {@link GuardTransport})
   */
  transport?: GuardTransport;
}

/**
 * A `fetch` for workflow steps that cannot be pointed at the host's own network: it refuses
 * loopback, private, link-local and other non-public destinations, on every redirect hop, and
 * caps how much of a response can be read.
 *
 * @remarks Refusals throw a `BLOCKED_DESTINATION` FlowloomError before anything is sent; an
 * oversized body fails with `RESPONSE_TOO_LARGE` while it is read. Only http and https URLs
 * are fetched. Redirects (at most 5) are followed here, with the fetch standard's method and
 * body rules, and credentials (`authorization`, `cookie`, `proxy-authorization`) are dropped when
 * a hop changes origin. With the default transport (the global `fetch`) only IP literals and
 * `localhost` are checked, since it cannot see what a host name resolves to; on Node use
 * `createGuardedNodeFetch` from `@flowloom/server-adapter`, which checks every DNS answer and
 * connects to the address it checked. In a browser `redirect: 'manual'` hides redirects, so a
 * redirect response fails there.
 *
 * @example
 * const stepFetch = createGuardedFetch({ network: { allowHosts: ['localhost:8000'] } });
 * await stepFetch('http://127.0.0.1/'); // throws BLOCKED_DESTINATION, sends nothing
 */
export function createGuardedFetch(options: GuardedFetchOptions = {}): StepFetch {
  const network = NetworkOptionsSchema.parse(options.network ?? {});
  const transport = options.transport ?? globalFetchTransport;
  const isAllowedHost = createHostAllowList(network.allowHosts);

  return async (input, init = {}) => {
    let request: HopRequest = {
      url: parseHttpUrl(input),
      method: init.method ?? 'GET',
      headers: new Headers(init.headers),
      body: init.body,
    };
    const redirectMode = init.redirect ?? 'follow';
    for (let redirects = 0; ; redirects++) {
      const allowPrivate = network.allowPrivateNetworks || isAllowedHost(request.url);
      if (!allowPrivate) {
        const range = findBlockedRange(request.url);
        if (range !== undefined) throw blockedDestinationError(request.url.hostname, range);
      }
      const { url, method, headers, body } = request;
      const response = await transport.fetch(
        url,
        { ...init, method, headers, body, redirect: 'manual' },
        { allowPrivate },
      );
      if (response.type === 'opaqueredirect') {
        throw new TypeError(
          'This runtime hides redirects from fetch, so a guarded fetch cannot follow them',
        );
      }
      const next = redirectMode === 'manual' ? undefined : nextRedirect(response, request);
      if (next === undefined) {
        return capResponseBody(response, network.maxResponseBytes, {
          method: request.method.toUpperCase(),
          url: request.url,
          redirected: redirects > 0,
        });
      }
      await response.body?.cancel().catch(() => {});
      if (redirectMode === 'error') {
        throw new TypeError(`Redirected to ${next.url.href} with redirect: 'error'`);
      }
      if (redirects >= MAX_REDIRECTS) {
        throw new TypeError(`Too many redirects: gave up after ${MAX_REDIRECTS}`);
      }
      request = { ...next, url: parseHttpUrl(next.url) };
    }
  };
}

function parseHttpUrl(input: string | URL): URL {
  // Invalid URLs throw a TypeError, as fetch does.
  const url = new URL(input);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new FlowloomError(
      ErrorCode.BLOCKED_DESTINATION,
      `Refused to fetch ${url.protocol}//${url.host}: only http and https URLs are allowed`,
    );
  }
  return url;
}
