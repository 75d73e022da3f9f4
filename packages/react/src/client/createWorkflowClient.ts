import type { InstanceListQuery, WorkflowClient, WorkflowClientOptions } from './clientTypes';
import { type RequestSettings, requestJson } from './requestJson';
import { subscribeLazily } from './subscribeLazily';

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
  const remove = (path: string) => requestJson<null>(settings, { method: 'DELETE', path });

  return {
    baseUrl,
    listComponents: () => get('/components'),
    getComponent: (componentType) => get(`/components/${id(componentType)}`),
    createInstance: (request) => post('/instances', request),
    listInstances: (query) => get('/instances', instanceQuery(query)),
    getInstance: (instanceId) => get(`/instances/${id(instanceId)}`),
    deleteInstance: (instanceId) => remove(`/instances/${id(instanceId)}`),
    executeInstance: (instanceId, input_data = {}, executeOptions) =>
      post(`/instances/${id(instanceId)}/execute`, {
        input_data,
        ...(executeOptions?.until === undefined ? {} : { until: executeOptions.until }),
      }),
    retryInstance: (instanceId) => post(`/instances/${id(instanceId)}/retry`),
    resumeInstance: (instanceId, request) => post(`/instances/${id(instanceId)}/resume`, request),
    stopInstance: (instanceId) => post(`/instances/${id(instanceId)}/stop`),
    getStatus: (instanceId) => get(`/instances/${id(instanceId)}/status`),
    getLogs: (instanceId, query) => get(`/instances/${id(instanceId)}/logs`, query),
    saveWorkflow: (request) => post('/editor/save', request),
    loadWorkflow: (workflowId, loadOptions) =>
      get(`/editor/load/${id(workflowId)}`, { version: loadOptions?.version }),
    listWorkflows: () => get('/editor/list'),
    getWorkflowVersions: (workflowId, query) =>
      get(`/workflows/${id(workflowId)}/versions`, { limit: query?.limit, offset: query?.offset }),
    deleteWorkflow: (workflowId) => remove(`/workflows/${id(workflowId)}`),
    getWorkflow: (workflowId) => get(`/workflows/${id(workflowId)}`),
    activateWorkflow: (workflowId) => post(`/workflows/${id(workflowId)}/activate`),
    deactivateWorkflow: (workflowId) => post(`/workflows/${id(workflowId)}/deactivate`),
    exportWorkflow: (workflowId, exportOptions) =>
      get(`/workflows/${id(workflowId)}/export`, { version: exportOptions?.version }),
    importWorkflow: (file) => post('/workflows/import', file),
    listCredentials: (query) => get('/credentials', { type: query?.type }),
    getCredential: (credentialId) => get(`/credentials/${id(credentialId)}`),
    createCredential: (request) => post('/credentials', request),
    updateCredential: (credentialId, patch) => put(`/credentials/${id(credentialId)}`, patch),
    deleteCredential: (credentialId) => remove(`/credentials/${id(credentialId)}`),
    subscribe: (instanceId, onEvent, subscribeOptions) =>
      subscribeLazily(
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

/** A run-list query as the API reads it: several statuses comma-separated. */
function instanceQuery(
  query: InstanceListQuery | undefined,
): Record<string, string | number | undefined> | undefined {
  if (!query) return undefined;
  const { status, ...rest } = query;
  return { ...rest, status: typeof status === 'string' ? status : status?.join(',') };
}
