import type { LookupAddress } from 'node:dns';
import { isIP } from 'node:net';
import { classifyAddress, ErrorCode, FlowloomError } from '@flowloom/core';
import type { buildConnector } from 'undici';

/** Resolves a host name to every address it has, as `dns.promises.lookup(host, { all: true })`. */
export type LookupAll = (hostname: string, options: { all: true }) => Promise<LookupAddress[]>;

/** Options of {@link createGuardedConnector}. */
export interface GuardedConnectorOptions {
  /** The connector that opens the TCP or TLS socket, to a given IP address. */
  connect: buildConnector.connector;
  /** Resolves host names. */
  lookup: LookupAll;
  /** Refuse a host with any guarded address among its answers. */
  blockPrivate: boolean;
}

/**
 * An undici `connect` that resolves the host once, checks every address it gets and connects to
 * a checked address, so a DNS answer cannot change between the check and the connection (DNS
 * rebinding). The socket still presents and verifies the original name for TLS, since undici
 * derives SNI and the certificate check from `host`, which is left as it was.
 *
 * @remarks Refusals fail the connection with a `BLOCKED_DESTINATION` FlowloomError. IP-literal
 * URLs are not looked up but still checked. The addresses are tried in the resolver's order
 * until one connects.
 */
export function createGuardedConnector(options: GuardedConnectorOptions): buildConnector.connector {
  return (connectOptions, callback) => {
    checkedAddresses(connectOptions.hostname, options).then(
      (addresses) => {
        const attempt = (index: number): void => {
          options.connect({ ...connectOptions, hostname: addresses[index]! }, (...result) => {
            if (result[0] !== null && index + 1 < addresses.length) attempt(index + 1);
            else callback(...result);
          });
        };
        attempt(0);
      },
      (error: Error) => callback(error, null),
    );
  };
}

async function checkedAddresses(
  hostname: string,
  options: GuardedConnectorOptions,
): Promise<string[]> {
  const literal = isIP(hostname) !== 0;
  const addresses = literal
    ? [hostname]
    : (await options.lookup(hostname, { all: true })).map((answer) => answer.address);
  if (addresses.length === 0) {
    throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
  }
  if (options.blockPrivate) {
    for (const address of addresses) {
      const range = classifyAddress(address);
      if (range === undefined) continue;
      const why = literal ? range : `resolves to ${address}, ${range}`;
      throw new FlowloomError(
        ErrorCode.BLOCKED_DESTINATION,
        `Refused to connect to ${hostname} (${why}): private and local addresses are blocked; allow it with network.allowHosts`,
      );
    }
  }
  return addresses;
}
