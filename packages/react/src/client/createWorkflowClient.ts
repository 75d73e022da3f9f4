import type { WorkflowClient, WorkflowClientOptions } from './clientTypes';
import { type RequestSettings, requestJson } from './requestJson';
import { subscribeToInstance } from './subscribeToInstance';

/**
 * Creates a typed client for the Flowloom API: one method per endpoint and `subscribe` for live
 * events. Every method resolves to `{ success: true, data }` or `{ success: false, error }`;
 * none throws for an HTTP error, a non-JSON answer or a network failure (status 0,
 * code `NETWORK_ERROR`).
 *
 * @example
 * const client = createWorkflowClient({ getToken: () => session.token });
 * const created = await client.createInstance({ name: 'Demo', workflow_data });
 * if (created.success) await client.executeInstance(created.data.instance_id, { test: true });
 * else console.error(created.error.code, created.error.message);
 *
 * @remarks A relative `baseUrl` resolves against the page's location; in Node give an absolute
 * URL, and a `WebSocket` (e.g. from the `ws` package) where there is no global one.
 */
export function createWorkflowClient(options: WorkflowClientOptions = {}): WorkflowClient {
  const baseUrl = (options.baseUrl ?? '/api/workflow').replace(/\/+$/, '');
  const settings: RequestSettings = {
    baseUrl,
    fetch: options.fetch,
    headers: options.headers,
    getToken: options.getToken,
  };
  const id = encodeURIComponent;
  const get = <T>(path: string, query?: Record<string, string | number | undefined>) =>
    requestJson<T>(settings, { method: 'GET', path, query });
  const post = <T>(path: string, body: unknown = {}) =>
    requestJson<T>(settings, { method: 'POST', path, body });
  const put = <T>(path: string, body: unknown) =>
    requestJson<T>(settings, { method: 'PUT', path, body });

  return {
    baseUrl,
    listComponents: () => get('/components'),
    getComponent: (componentType) => get(`/components/${id(componentType)}`),
    createInstance: (request) => post('/instances', request),
    listInstances: (query) => get('/instances', query),
    getInstance: (instanceId) => get(`/instances/${id(instanceId)}`),
    executeInstance: (instanceId, input_data = {}) =>
      post(`/instances/${id(instanceId)}/execute`, { input_data }),
    stopInstance: (instanceId) => post(`/instances/${id(instanceId)}/stop`),
    getStatus: (instanceId) => get(`/instances/${id(instanceId)}/status`),
    getLogs: (instanceId, query) => get(`/instances/${id(instanceId)}/logs`, query),
    saveWorkflow: (request) => post('/editor/save', request),
    loadWorkflow: (workflowId) => get(`/editor/load/${id(workflowId)}`),
    listWorkflows: () => get('/editor/list'),
    listCredentials: (query) => get('/credentials', { type: query?.type }),
    getCredential: (credentialId) => get(`/credentials/${id(credentialId)}`),
    createCredential: (request) => post('/credentials', request),
    updateCredential: (credentialId, patch) => put(`/credentials/${id(credentialId)}`, patch),
    deleteCredential: (credentialId) =>
      requestJson(settings, { method: 'DELETE', path: `/credentials/${id(credentialId)}` }),
    subscribe: (instanceId, onEvent, subscribeOptions) =>
      subscribeToInstance(
        {
          baseUrl,
          WebSocket: options.WebSocket,
          getToken: options.getToken,
          reconnectDelayMs: options.reconnectDelayMs ?? 500,
          maxReconnectDelayMs: options.maxReconnectDelayMs ?? 10_000,
          checkAccess: (checked) => get(`/instances/${id(checked)}`),
        },
        instanceId,
        onEvent,
        subscribeOptions,
      ),
  };
}
