import type { WorkflowDataInput } from '@flowloom/core';
import { getDefaultWorkflowClient } from '../src/client/getDefaultWorkflowClient';
import { startMockApi } from './mockApi';

/**
 * Creates an instance of `workflow` on the mock API and, unless `execute` is false, executes
 * it with `input`; resolves to the instance id. For stories' loaders.
 */
export async function startRun(
  name: string,
  workflow: WorkflowDataInput,
  input: Record<string, unknown> = {},
  execute = true,
): Promise<string> {
  await startMockApi();
  const client = getDefaultWorkflowClient();
  const created = await client.createInstance({ name, workflow_data: workflow });
  if (!created.success) throw new Error(`createInstance: ${created.error.message}`);
  if (execute) {
    const executed = await client.executeInstance(created.data.instance_id, input);
    if (!executed.success) throw new Error(`executeInstance: ${executed.error.message}`);
  }
  return created.data.instance_id;
}

/** Saves `workflow` on the mock API and resolves to its id, for the editor's stories. */
export async function saveSample(name: string, workflow: WorkflowDataInput): Promise<string> {
  await startMockApi();
  const saved = await getDefaultWorkflowClient().saveWorkflow({ name, workflow_data: workflow });
  if (!saved.success) throw new Error(`saveWorkflow: ${saved.error.message}`);
  return saved.data.workflow_id;
}
