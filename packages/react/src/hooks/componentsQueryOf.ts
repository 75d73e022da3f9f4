import type { WorkflowComponentMetadata } from '@flowloom/core';
import type { WorkflowClient } from '../client/clientTypes';
import { ClientQuery } from './ClientQuery';

const queries = new WeakMap<
  WorkflowClient,
  ClientQuery<{ components: WorkflowComponentMetadata[] }>
>();

/**
 * The component list of a client, shared by every hook on that client: the palette, the editor
 * and a host's own UI fetch it once between them.
 */
export function componentsQueryOf(
  client: WorkflowClient,
): ClientQuery<{ components: WorkflowComponentMetadata[] }> {
  let query = queries.get(client);
  if (!query) {
    query = new ClientQuery(() => client.listComponents());
    queries.set(client, query);
  }
  return query;
}
