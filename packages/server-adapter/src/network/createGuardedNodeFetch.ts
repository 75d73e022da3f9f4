import { createGuardedFetch, type NetworkOptionsInput, type StepFetch } from '@flowloom/core';
import { createNodeGuardTransport } from './createNodeGuardTransport';

/**
 * The `fetch` to give workflow steps on a Node server: core's guarded fetch over
 * {@link createNodeGuardTransport}, so host names are checked by what they resolve to, on every
 * redirect hop, and connections go only to the addresses checked.
 *
 * @example
 * const stepFetch = createGuardedNodeFetch({ allowHosts: ['localhost:8000'] });
 */
export function createGuardedNodeFetch(network?: NetworkOptionsInput): StepFetch {
  return createGuardedFetch({
    ...(network ? { network } : {}),
    transport: createNodeGuardTransport(),
  });
}
