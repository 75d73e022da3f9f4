import type * as PromClient from 'prom-client';
import { requireOptionalPeer } from '../peers/requireOptionalPeer';

/**
 * prom-client, loaded when metrics are first asked for: an optional peer that only hosts with
 * metrics install.
 *
 * @throws FlowloomError `NOT_CONFIGURED` naming `npm install prom-client` when it is missing.
 */
export function loadPromClient(): typeof PromClient {
  return requireOptionalPeer<typeof PromClient>('prom-client', 'Metrics (`metrics` option)');
}
