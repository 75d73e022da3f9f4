// @vitest-environment node
import { describeActivationClient } from './activationClientSuite.test-helpers';
import { startTestServer } from './workflowTestServer.test-helpers';

describeActivationClient('createWorkflowClient against a real server', async () =>
  (await startTestServer()).client(),
);
