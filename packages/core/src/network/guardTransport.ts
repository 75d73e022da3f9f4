/**
 * What a guarded fetch sends each hop through. It is called with `redirect: 'manual'` (the guard
 * follows redirects itself) and with `policy.allowPrivate` true when the host application allowed
 * this host or all private networks.
 *
 * @remarks A transport that can see DNS answers (the server adapter's `createNodeGuardTransport`)
 * must refuse, with a `BLOCKED_DESTINATION` FlowloomError, a host name resolving to a guarded
 * address unless `policy.allowPrivate`, and connect to the address it checked.
 */
export interface GuardTransport {
  fetch(url: URL, init: RequestInit, policy: { allowPrivate: boolean }): Promise<Response>;
}

/**
 * The isomorphic transport: the global `fetch`, looked up at call time.
 *
 * @remarks The global `fetch` cannot show what a host name resolves to, so with it a name that
 * resolves to a private address (or is re-bound to one) is not caught; only IP literals and
 * `localhost` are. On a server, use the server adapter's Node transport.
 */
export const globalFetchTransport: GuardTransport = {
  fetch: (url, init) => fetch(url, init),
};
