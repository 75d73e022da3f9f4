// The React package's client and its MSW testing kit, from plain TypeScript.
import { createWorkflowClient } from '@flowloom/react';
import { createWorkflowHandlers, handlers } from '@flowloom/react/testing';
import { setupServer } from 'msw/node';

export async function latestWorkflowName(): Promise<string | undefined> {
  const client = createWorkflowClient({ baseUrl: 'http://localhost:3001/api/workflow' });
  const answer = await client.listWorkflows();
  return answer.success ? answer.data.workflows[0]?.name : undefined;
}

export const mockApi = setupServer(...handlers);
export const mockApiElsewhere = setupServer(
  ...createWorkflowHandlers({ baseUrl: 'http://api.test/api/workflow' }),
);
