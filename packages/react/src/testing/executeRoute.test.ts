import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createWorkflowClient } from '../client/createWorkflowClient';
import { handlers, resetWorkflowHandlers } from './handlers';

const server = setupServer(...handlers);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  server.resetHandlers();
  resetWorkflowHandlers();
});
afterAll(() => server.close());

const client = createWorkflowClient();

async function createInstance(): Promise<string> {
  const created = await client.createInstance({
    name: 'Until',
    workflow_data: {
      nodes: [
        { id: 'start', type: 'manual_trigger' },
        { id: 'say', type: 'log', data: { parameters: { message: '{{ input.word }}' } } },
      ],
      edges: [{ id: 'e1', source: 'start', target: 'say' }],
    },
  });
  if (!created.success) throw new Error(created.error.message);
  return created.data.instance_id;
}

describe('handlers: execute with { input_data, until }', () => {
  it('accepts until beside the input and starts the run (202)', async () => {
    const id = await createInstance();
    expect(await client.executeInstance(id, { word: 'hi' }, { until: 'say' })).toEqual({
      success: true,
      data: { instance_id: id, status: 'running' },
    });
    await vi.waitFor(async () =>
      expect(await client.getStatus(id)).toMatchObject({ data: { status: 'completed' } }),
    );
  });

  it('refuses an until that is not a step id with 400', async () => {
    const id = await createInstance();
    const response = await fetch(`/api/workflow/instances/${id}/execute`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ input_data: {}, until: 42 }),
    });
    expect(response.status).toBe(400);
  });
});
