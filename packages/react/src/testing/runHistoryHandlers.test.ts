import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { createWorkflowClient } from '../client/createWorkflowClient';
import { describeRunHistoryClient } from '../client/runHistoryClientSuite.test-helpers';
import { handlers, resetWorkflowHandlers } from './handlers';

const server = setupServer(...handlers);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  server.resetHandlers();
  resetWorkflowHandlers();
});
afterAll(() => server.close());

describeRunHistoryClient('the MSW kit', async () => createWorkflowClient());
