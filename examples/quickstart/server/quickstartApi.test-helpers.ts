import type { ExecutionStatus, WorkflowSummary } from '@flowloom/core';

/** Calls the quickstart's API and returns the parsed JSON, failing on an unexpected status. */
export async function apiJson<T>(
  url: string,
  init: RequestInit & { expectStatus?: number } = {},
): Promise<T> {
  const { expectStatus, ...rest } = init;
  const response = await fetch(url, {
    ...rest,
    headers: { 'content-type': 'application/json', ...rest.headers },
  });
  const body = await response.text();
  if (response.status !== (expectStatus ?? response.status) || (!expectStatus && !response.ok)) {
    throw new Error(`${init.method ?? 'GET'} ${url} answered ${response.status}: ${body}`);
  }
  return JSON.parse(body) as T;
}

/** The saved workflows, as the editor's list shows them. */
export async function listSavedWorkflows(baseUrl: string): Promise<WorkflowSummary[]> {
  const { workflows } = await apiJson<{ workflows: WorkflowSummary[] }>(
    `${baseUrl}/api/workflow/editor/list`,
  );
  return workflows;
}

/**
 * Runs a saved workflow through the API as the editor does (create an instance, execute it) and
 * polls its status until the run ends, for at most `timeoutMs`.
 */
export async function runSavedWorkflow(
  baseUrl: string,
  workflowName: string,
  input_data: Record<string, unknown>,
  timeoutMs = 10_000,
): Promise<ExecutionStatus> {
  const workflow = (await listSavedWorkflows(baseUrl)).find((w) => w.name === workflowName);
  if (!workflow) throw new Error(`No saved workflow named "${workflowName}"`);
  const instance = await apiJson<{ instance_id: string }>(`${baseUrl}/api/workflow/instances`, {
    method: 'POST',
    body: JSON.stringify({ name: workflowName, workflow_id: workflow.workflow_id }),
    expectStatus: 201,
  });
  await apiJson(`${baseUrl}/api/workflow/instances/${instance.instance_id}/execute`, {
    method: 'POST',
    body: JSON.stringify({ input_data }),
    expectStatus: 202,
  });
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const status = await apiJson<ExecutionStatus>(
      `${baseUrl}/api/workflow/instances/${instance.instance_id}/status`,
    );
    if (status.status !== 'running' && status.status !== 'pending') return status;
    if (Date.now() > deadline) {
      throw new Error(`"${workflowName}" still ${status.status} after ${timeoutMs} ms`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
