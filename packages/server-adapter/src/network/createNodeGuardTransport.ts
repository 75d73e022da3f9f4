import { lookup as dnsLookup } from 'node:dns/promises';
import { FlowloomError, type GuardTransport } from '@flowloom/core';
import { Agent, buildConnector, fetch as undiciFetch } from 'undici';
import { createGuardedConnector, type LookupAll } from './createGuardedConnector';

/** Options of {@link createNodeGuardTransport}. */
export interface NodeGuardTransportOptions {
  /**
   * Resolves host names; a test can pass its own to make a name resolve anywhere.
   * @default `lookup` from `node:dns/promises`
   */
  lookup?: LookupAll;
  /**
   * TCP/TLS options for every connection, e.g. `ca` for a private certificate authority or a
   * connect `timeout`.
   */
  connect?: buildConnector.BuildOptions;
}

/** A {@link GuardTransport} on Node, with its connection pools. */
export interface NodeGuardTransport extends GuardTransport {
  /** Closes the pooled connections; the transport cannot be used afterwards. */
  close(): Promise<void>;
}

/**
 * The guarded fetch's transport on Node: undici's `fetch` through agents whose connections go
 * only to addresses they checked, closing the gap the global `fetch` leaves (host names that
 * resolve, or are re-bound, to private addresses).
 *
 * @remarks Every DNS answer of a host is classified; one guarded address refuses the host with
 * a `BLOCKED_DESTINATION` FlowloomError (not undici's `TypeError: fetch failed`), unless the
 * policy allows private addresses (a host in `network.allowHosts`, or
 * `network.allowPrivateNetworks`). The connection goes to the checked address without a second
 * lookup; TLS still checks the certificate against the host name.
 *
 * @example
 * const stepFetch = createGuardedFetch({ network, transport: createNodeGuardTransport() });
 */
export function createNodeGuardTransport(
  options: NodeGuardTransportOptions = {},
): NodeGuardTransport {
  const lookup =
    options.lookup ?? ((hostname, lookupOptions) => dnsLookup(hostname, lookupOptions));
  const connect = buildConnector(options.connect ?? {});
  const agentFor = (blockPrivate: boolean) =>
    new Agent({ connect: createGuardedConnector({ connect, lookup, blockPrivate }) });
  const strict = agentFor(true);
  const permissive = agentFor(false);

  return {
    async fetch(url, init, policy) {
      const dispatcher = policy.allowPrivate ? permissive : strict;
      try {
        const response = await undiciFetch(url, {
          ...(init as Parameters<typeof undiciFetch>[1]),
          dispatcher,
        });
        return response as unknown as Response;
      } catch (error) {
        // undici reports a failed connection as `TypeError: fetch failed` with our refusal as
        // its cause: hand the caller the refusal itself.
        if (error instanceof TypeError && error.cause instanceof FlowloomError) throw error.cause;
        throw error;
      }
    },
    async close() {
      await Promise.all([strict.close(), permissive.close()]);
    },
  };
}
