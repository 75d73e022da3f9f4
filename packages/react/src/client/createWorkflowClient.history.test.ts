// @vitest-environment node
import { describeRunHistoryClient } from './runHistoryClientSuite.test-helpers';
import { startTestServer } from './workflowTestServer.test-helpers';

describeRunHistoryClient('createWorkflowClient against a real server', async () =>
  (await startTestServer()).client(),
);
