import type { WorkflowInstance } from '@flowloom/core';
import { logWorkflow, type TestResponse, type TestServer } from '../http/testServer.test-helpers';

/** Another caller's records that each route below reaches. */
export interface OwnedRecords {
  workflowId: string;
  credentialId: string;
  pending: WorkflowInstance;
  running: WorkflowInstance;
}

/**
 * Every route that reaches one record, keyed as Hono names it (`GET /instances/:instance_id`),
 * sent by `caller` to the given records: walked by the access tests, which expect each refused.
 */
export function recordRoutesAs(
  t: TestServer,
  { workflowId, credentialId, pending, running }: OwnedRecords,
  caller: Record<string, string>,
): Record<string, () => Promise<TestResponse>> {
  return {
    'GET /instances/:instance_id': () =>
      t.request('GET', `/instances/${pending.instance_id}`, undefined, caller),
    'POST /instances/:instance_id/execute': () =>
      t.request('POST', `/instances/${pending.instance_id}/execute`, {}, caller),
    'POST /instances/:instance_id/retry': () =>
      t.request('POST', `/instances/${pending.instance_id}/retry`, undefined, caller),
    'POST /instances/:instance_id/stop': () =>
      t.request('POST', `/instances/${running.instance_id}/stop`, undefined, caller),
    'POST /instances/:instance_id/resume': () =>
      t.request('POST', `/instances/${running.instance_id}/resume`, { step_id: 'wait' }, caller),
    'GET /instances/:instance_id/status': () =>
      t.request('GET', `/instances/${running.instance_id}/status`, undefined, caller),
    'GET /instances/:instance_id/logs': () =>
      t.request('GET', `/instances/${pending.instance_id}/logs`, undefined, caller),
    'DELETE /instances/:instance_id': () =>
      t.request('DELETE', `/instances/${pending.instance_id}`, undefined, caller),
    'GET /editor/load/:workflow_id': () =>
      t.request('GET', `/editor/load/${workflowId}`, undefined, caller),
    'GET /workflows/:workflow_id/versions': () =>
      t.request('GET', `/workflows/${workflowId}/versions`, undefined, caller),
    'GET /workflows/:workflow_id/export': () =>
      t.request('GET', `/workflows/${workflowId}/export`, undefined, caller),
    'DELETE /workflows/:workflow_id': () =>
      t.request('DELETE', `/workflows/${workflowId}`, undefined, caller),
    'GET /workflows/:workflow_id': () =>
      t.request('GET', `/workflows/${workflowId}`, undefined, caller),
    'POST /workflows/:workflow_id/activate': () =>
      t.request('POST', `/workflows/${workflowId}/activate`, undefined, caller),
    'POST /workflows/:workflow_id/deactivate': () =>
      t.request('POST', `/workflows/${workflowId}/deactivate`, undefined, caller),
    'POST /editor/save': () =>
      t.request(
        'POST',
        '/editor/save',
        { workflow_id: workflowId, name: 'Hijacked', workflow_data: logWorkflow() },
        caller,
      ),
    'POST /instances': () =>
      t.request('POST', '/instances', { name: 'Copy', workflow_id: workflowId }, caller),
    'GET /credentials/:credential_id': () =>
      t.request('GET', `/credentials/${credentialId}`, undefined, caller),
    'PUT /credentials/:credential_id': () =>
      t.request('PUT', `/credentials/${credentialId}`, { name: 'Mine now' }, caller),
    'DELETE /credentials/:credential_id': () =>
      t.request('DELETE', `/credentials/${credentialId}`, undefined, caller),
  };
}
