import {
  ExecutionStatusSchema,
  LogEntrySchema,
  SavedWorkflowSchema,
  WorkflowComponentMetadataSchema,
  WorkflowInstanceSchema,
} from '@flowloom/core';

// One example per operation: plausible answers and bodies, built through the output schemas
// (so they carry every default) and checked against the document in its tests and by Redocly.

const AT = '2026-01-15T09:30:00.000Z';
const LATER = '2026-01-15T09:30:00.250Z';

const workflowData = {
  nodes: [
    { id: 'start', type: 'manual_trigger', position: { x: 0, y: 0 }, data: { parameters: {} } },
    {
      id: 'greet',
      type: 'log',
      position: { x: 240, y: 0 },
      data: { parameters: { message: 'Hello {{ input.who }}' } },
    },
  ],
  edges: [{ id: 'e1', source: 'start', target: 'greet' }],
};

const component = WorkflowComponentMetadataSchema.parse({
  type: 'log',
  name: 'Log',
  description: 'Writes a message to the run log',
  category: 'utilities',
  parameters: [{ name: 'message', label: 'Message', type: 'string', required: true }],
});

const saved = SavedWorkflowSchema.parse({
  workflow_id: 'wf_3f9c2a',
  name: 'Greeting',
  version: 2,
  workflow_data: workflowData,
  created_by: 'user-1',
  created_at: AT,
  updated_at: LATER,
});
const { workflow_data: _document, ...summary } = saved;

const instance = WorkflowInstanceSchema.parse({
  instance_id: 'inst_7b1d0e',
  workflow_id: saved.workflow_id,
  workflow_version: 2,
  name: 'Greeting run',
  status: 'pending',
  workflow_data: workflowData,
  input_data: null,
  created_by: 'user-1',
  created_at: AT,
  updated_at: AT,
  started_at: null,
  finished_at: null,
  error: null,
});

const status = ExecutionStatusSchema.parse({
  instance_id: instance.instance_id,
  status: 'completed',
  steps: {
    start: { status: 'completed', attempts: 1, started_at: AT, finished_at: AT, output_data: {} },
    greet: {
      status: 'completed',
      attempts: 1,
      started_at: AT,
      finished_at: LATER,
      output_data: { message: 'Hello Ada' },
    },
  },
  progress: { completed: 2, total: 2 },
  started_at: AT,
  finished_at: LATER,
  error: null,
  variables: {},
});

const log = LogEntrySchema.parse({
  instance_id: instance.instance_id,
  seq: 1,
  step_id: 'greet',
  level: 'info',
  message: 'Hello Ada',
  timestamp: LATER,
});

const credential = {
  credential_id: 'cred_51a0c4',
  name: 'Billing API',
  type: 'bearer',
  created_by: 'user-1',
  tenant_id: null,
  created_at: AT,
  updated_at: AT,
};

const accepted = { instance_id: instance.instance_id, status: 'running' };
const saveResult = {
  workflow_id: saved.workflow_id,
  name: saved.name,
  version: saved.version,
  updated_at: saved.updated_at,
  validation: { valid: true, errors: [] },
};
const file = { flowloom_version: 1, name: saved.name, workflow_data: workflowData };
const hook = {
  step_id: 'hook',
  type: 'webhook',
  method: 'POST',
  webhook_url: `https://api.example.com/api/workflow/webhooks/${saved.workflow_id}/orders`,
};

/** The example answer of each operation, by `operationId`. */
export const ANSWER_EXAMPLES = {
  listComponents: { components: [component] },
  getComponent: component,
  createInstance: instance,
  listInstances: {
    instances: [
      {
        instance_id: instance.instance_id,
        name: instance.name,
        status: 'completed',
        workflow_id: saved.workflow_id,
        workflow_version: 2,
        created_by: 'user-1',
        created_at: AT,
        started_at: AT,
        finished_at: LATER,
        duration_ms: 250,
        progress: { completed: 2, total: 2 },
        error: null,
        trigger: { type: 'webhook', step_id: 'hook' },
        parent_instance_id: null,
      },
    ],
    total: 1,
    next_cursor: null,
  },
  getInstance: instance,
  executeInstance: accepted,
  retryInstance: accepted,
  resumeInstance: accepted,
  stopInstance: { ...status, status: 'cancelled' },
  getInstanceStatus: status,
  getInstanceLogs: { logs: [log] },
  saveWorkflow: saveResult,
  loadWorkflow: saved,
  listWorkflows: { workflows: [{ ...summary, active: false }], total: 1 },
  getWorkflow: { ...saved, active: true, active_version: 2, triggers: [hook] },
  listWorkflowVersions: {
    versions: [
      { version: 2, name: saved.name, updated_at: LATER, updated_by: 'user-1', valid: true },
    ],
  },
  exportWorkflow: file,
  importWorkflow: { ...saveResult, version: 1 },
  activateWorkflow: { workflow_id: saved.workflow_id, active: true, version: 2, triggers: [hook] },
  deactivateWorkflow: { workflow_id: saved.workflow_id, active: false },
  createCredential: credential,
  listCredentials: { credentials: [credential], total: 1 },
  getCredential: credential,
  updateCredential: { ...credential, name: 'Billing API (rotated)', updated_at: LATER },
  callWebhook: { instance_id: instance.instance_id },
};

/** The example request body of each operation that reads one, by `operationId`. */
export const BODY_EXAMPLES = {
  createInstance: { name: 'Greeting run', workflow_id: saved.workflow_id },
  executeInstance: { input_data: { who: 'Ada' } },
  resumeInstance: { step_id: 'approval', data: { approved: true } },
  saveWorkflow: {
    workflow_id: saved.workflow_id,
    name: saved.name,
    workflow_data: workflowData,
    expected_version: 1,
  },
  importWorkflow: file,
  createCredential: { name: 'Billing API', type: 'bearer', data: { token: 'sk_live_…' } },
  updateCredential: { name: 'Billing API (rotated)', data: { token: 'sk_live_…' } },
};

/** An example of the document itself, for `GET /openapi.json`. */
export const DOCUMENT_EXAMPLE = { openapi: '3.1.0', info: { title: 'Flowloom workflow API' } };
