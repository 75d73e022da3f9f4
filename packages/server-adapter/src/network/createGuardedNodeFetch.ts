import { createGuardedFetch, type NetworkOptionsInput, type StepFetch } from '@flowloom/core';
import { createNodeGuardTransport } from './createNodeGuardTransport';

/** A guarded step fetch that owns connection pools: close it when the engine is done. */
export type ClosableStepFetch = StepFetch & {
  /** Closes the pooled connections; the fetch cannot be used afterwards. */
  close(): Promise<void>;
};

/**
 * The `fetch` to give workflow steps on a Node server: core's guarded fetch over
 * {@link createNodeGuardTransport}, so host names are checked by what they resolve to, on every
 * redirect hop, and connections go only to the addresses checked.
 *
 * @example
 * const stepFetch = createGuardedNodeFetch({ allowHosts: ['localhost:8000'] });
 * const engine = new ExecutionEngine({ fetch: stepFetch });
 * // ... on shutdown
 * await stepFetch.close();
 */
export function createGuardedNodeFetch(network?: NetworkOptionsInput): ClosableStepFetch {
  const transport = createNodeGuardTransport();
  const guarded = createGuardedFetch({ ...(network ? { network } : {}), transport });
  return Object.assign((input: string | URL, init?: RequestInit) => guarded(input, init), {
    close: () => transport.close(),
  });
}
