import { describe, expect, it } from 'vitest';
import { createWorkflowClient } from './createWorkflowClient';

/** A fetch that answers 202 and keeps what it was sent. */
function recordingFetch() {
  const sent: Array<{ url: string; body: unknown }> = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    sent.push({ url: request.url, body: JSON.parse(await request.text()) });
    return Response.json({ instance_id: 'i1', status: 'running' }, { status: 202 });
  };
  return { sent, fetch };
}

describe('createWorkflowClient: executeInstance', () => {
  it('sends the input and, for a partial run, the step to stop after as until', async () => {
    const { sent, fetch } = recordingFetch();
    const client = createWorkflowClient({ baseUrl: 'http://127.0.0.1:1/api', fetch });
    await client.executeInstance('i1', { order: 7 }, { until: 'http_1' });
    expect(sent[0]).toEqual({
      url: 'http://127.0.0.1:1/api/instances/i1/execute',
      body: { input_data: { order: 7 }, until: 'http_1' },
    });
  });

  it('sends no until for a whole run', async () => {
    const { sent, fetch } = recordingFetch();
    const client = createWorkflowClient({ baseUrl: 'http://127.0.0.1:1/api', fetch });
    await client.executeInstance('i1');
    expect(sent[0]!.body).toEqual({ input_data: {} });
  });
});
