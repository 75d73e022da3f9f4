import type { WorkflowDataInput } from '@flowloom/core';
import { getDefaultWorkflowClient } from '../src/client/getDefaultWorkflowClient';
import { startMockApi } from './mockApi';
import { completingWorkflow } from './sampleWorkflows';

/** Waits for a run of the mock API to leave `running` (or gives up after two seconds). */
async function settled(instanceId: string): Promise<void> {
  const client = getDefaultWorkflowClient();
  for (let tries = 0; tries < 40; tries += 1) {
    const status = await client.getStatus(instanceId);
    if (status.success && status.data.status !== 'running' && status.data.status !== 'pending') {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Saves `workflow` on the mock API and runs it `runs` times (each to its end); resolves to the
 * workflow's id and its runs' ids, newest last. For the history and list stories.
 */
export async function saveAndRun(
  name: string,
  workflow: WorkflowDataInput = completingWorkflow,
  runs = 3,
): Promise<{ workflowId: string; instanceIds: string[] }> {
  await startMockApi();
  const client = getDefaultWorkflowClient();
  const saved = await client.saveWorkflow({ name, workflow_data: workflow });
  if (!saved.success) throw new Error(`saveWorkflow: ${saved.error.message}`);
  const instanceIds: string[] = [];
  for (let index = 0; index < runs; index += 1) {
    const created = await client.createInstance({ name, workflow_id: saved.data.workflow_id });
    if (!created.success) throw new Error(`createInstance: ${created.error.message}`);
    const executed = await client.executeInstance(created.data.instance_id);
    if (!executed.success) throw new Error(`executeInstance: ${executed.error.message}`);
    await settled(created.data.instance_id);
    instanceIds.push(created.data.instance_id);
  }
  return { workflowId: saved.data.workflow_id, instanceIds };
}

/** Webhook trigger → log: a workflow the list's Active switch can turn on. */
export const webhookWorkflow: WorkflowDataInput = {
  nodes: [
    {
      id: 'hook',
      type: 'webhook_trigger',
      position: { x: 0, y: 0 },
      data: { parameters: { path: '/orders' }, label: 'Order webhook' },
    },
    {
      id: 'say',
      type: 'log',
      position: { x: 260, y: 0 },
      data: { parameters: { message: 'Order {{ input.body.id }}' } },
    },
  ],
  edges: [{ id: 'e1', source: 'hook', target: 'say' }],
};

/** Trigger → an approval wait → log: a run that waits for Approve. */
export const approvalWorkflow: WorkflowDataInput = {
  nodes: [
    { id: 'start', type: 'manual_trigger', position: { x: 0, y: 0 } },
    {
      id: 'approve',
      type: 'wait',
      position: { x: 260, y: 0 },
      data: { parameters: { mode: 'resume', timeout_ms: 86_400_000 }, label: 'Manager approval' },
    },
    {
      id: 'say',
      type: 'log',
      position: { x: 520, y: 0 },
      data: { parameters: { message: 'Approved: {{ steps.approve.approved }}' } },
    },
  ],
  edges: [
    { id: 'e1', source: 'start', target: 'approve' },
    { id: 'e2', source: 'approve', target: 'say', sourceHandle: 'output' },
  ],
};
