import type { WorkflowClient } from '../client/clientTypes';
import { CredentialList } from './CredentialList';

const listsByClient = new WeakMap<WorkflowClient, Map<string, CredentialList>>();

/**
 * The credential list of a client for one type (`undefined` or `''`: every type), shared by every
 * caller: pickers of the same type fetch once between them, and a change through one list
 * refreshes the others of the client.
 */
export function credentialListOf(client: WorkflowClient, type?: string): CredentialList {
  let lists = listsByClient.get(client);
  if (!lists) {
    lists = new Map();
    listsByClient.set(client, lists);
  }
  const key = type ?? '';
  let list = lists.get(key);
  if (!list) {
    const siblings = lists;
    list = new CredentialList(client, key, () => siblings.values());
    lists.set(key, list);
  }
  return list;
}
