import type {
  ExecutionEvent,
  ExecutionEventMap,
  ExecutionEventType,
  ExecutionStatus,
  WorkflowInstance,
} from '@flowloom/core';
import type { WorkflowClient } from '../client/clientTypes';

/** An execution event for tests: `seq`, `instance_id` and `timestamp` filled in. */
export function makeEvent<K extends ExecutionEventType>(
  seq: number,
  eventType: K,
  data: ExecutionEventMap[K],
  stepId?: string,
  instanceId = 'inst_1',
): ExecutionEvent {
  return {
    seq,
    event_type: eventType,
    instance_id: instanceId,
    ...(stepId === undefined ? {} : { step_id: stepId }),
    timestamp: new Date(Date.UTC(2025, 0, 1, 0, 0, seq)).toISOString(),
    data,
  } as ExecutionEvent;
}

/** A status as the server reports it before, during or after a run. */
export function makeStatus(
  instanceId: string,
  status: ExecutionStatus['status'],
  stepIds: readonly string[] = [],
): ExecutionStatus {
  const steps: ExecutionStatus['steps'] = {};
  for (const id of stepIds) {
    steps[id] = {
      status: status === 'completed' ? 'completed' : 'pending',
      attempts: status === 'completed' ? 1 : 0,
      started_at: null,
      finished_at: null,
    };
  }
  return {
    instance_id: instanceId,
    status,
    steps,
    progress: { completed: status === 'completed' ? stepIds.length : 0, total: stepIds.length },
    started_at: status === 'pending' ? null : '2025-01-01T00:00:00.000Z',
    finished_at: status === 'completed' ? '2025-01-01T00:00:09.000Z' : null,
    error: null,
    variables: {},
  };
}

/** A new, not yet run instance as the server creates it for `request`. */
export function makePendingInstance(
  instanceId: string,
  request: Parameters<WorkflowClient['createInstance']>[0],
): WorkflowInstance {
  return {
    instance_id: instanceId,
    workflow_id: 'workflow_id' in request ? request.workflow_id : null,
    name: request.name,
    status: 'pending',
    workflow_data: { nodes: [], edges: [] },
    input_data: null,
    created_by: null,
    tenant_id: null,
    created_at: '2025-01-01T00:00:00.000Z',
    updated_at: '2025-01-01T00:00:00.000Z',
    started_at: null,
    finished_at: null,
    error: null,
    workflow_version: null,
    trigger: null,
    parent_instance_id: null,
    parent_step_id: null,
    root_instance_id: instanceId,
    progress: null,
  };
}
