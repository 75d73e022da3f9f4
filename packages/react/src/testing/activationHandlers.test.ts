import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { describeActivationClient } from '../client/activationClientSuite.test-helpers';
import { createWorkflowClient } from '../client/createWorkflowClient';
import { handlers, resetWorkflowHandlers } from './handlers';

const server = setupServer(...handlers);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  server.resetHandlers();
  resetWorkflowHandlers();
});
afterAll(() => server.close());

describeActivationClient('the MSW kit', async () => createWorkflowClient());
