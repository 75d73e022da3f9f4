import type { ExecutionEvent } from '../schema/executionEvent';
import type { WorkflowData } from '../schema/workflowData';
import type { WorkflowInstance } from '../schema/workflowInstance';

// Records the store contract suites build their tests from.

/** A one-node workflow whose node is called `nodeId`. */
export function sampleWorkflow(nodeId = 'a'): WorkflowData {
  return {
    nodes: [
      {
        id: nodeId,
        type: 'manual_trigger',
        position: { x: 1, y: 2 },
        data: { parameters: { note: 'x' } },
      },
    ],
    edges: [],
  };
}

/** A pending instance of {@link sampleWorkflow}, owned by nobody. */
export function sampleInstance(
  id: string,
  overrides: Partial<WorkflowInstance> = {},
): WorkflowInstance {
  return {
    instance_id: id,
    workflow_id: null,
    name: `Instance ${id}`,
    status: 'pending',
    workflow_data: sampleWorkflow(),
    input_data: null,
    created_by: null,
    tenant_id: null,
    created_at: '2026-01-01T00:00:00.000Z',
    updated_at: '2026-01-01T00:00:00.000Z',
    started_at: null,
    finished_at: null,
    error: null,
    workflow_version: null,
    trigger: null,
    parent_instance_id: null,
    parent_step_id: null,
    root_instance_id: id,
    progress: null,
    ...overrides,
  };
}

/** A `log` event of step `step`. */
export function sampleEvent(
  instanceId: string,
  seq: number,
  message = `line ${seq}`,
): ExecutionEvent {
  return {
    seq,
    event_type: 'log',
    instance_id: instanceId,
    step_id: 'step',
    timestamp: `2026-01-01T00:00:0${seq % 10}.000Z`,
    data: { level: 'info', message },
  };
}

/** Lets the clock move on, so timestamps of successive writes differ. */
export function pause(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 5));
}
