import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';

/**
 * A run-lease owner id for an engine in this process: `<hostname>:<pid>:<random>`, so the store
 * shows which machine and process holds a run, and two engines never share one.
 *
 * @example
 * const engine = new ExecutionEngine({ store, ownerId: createLeaseOwnerId() });
 */
export function createLeaseOwnerId(): string {
  return `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
}
