import { setupServer } from 'msw/node';
import { afterEach, describe, expect, it } from 'vitest';
import { handlers } from '../testing/handlers';
import { getDefaultWorkflowClient } from './getDefaultWorkflowClient';

describe('getDefaultWorkflowClient', () => {
  const server = setupServer(...handlers);
  afterEach(() => server.close());

  it('gives one shared client on /api/workflow', () => {
    const client = getDefaultWorkflowClient();
    expect(client.baseUrl).toBe('/api/workflow');
    expect(getDefaultWorkflowClient()).toBe(client);
  });

  it('uses the fetch installed after it was made (MSW started later)', async () => {
    const client = getDefaultWorkflowClient();
    server.listen({ onUnhandledRequest: 'error' });
    const answer = await client.listComponents();
    expect(answer.success && answer.data.components.length).toBeGreaterThan(0);
  });
});
