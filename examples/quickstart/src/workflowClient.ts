import { createWorkflowClient } from '@flowloom/react';

/** The page's API client: the quickstart serves the API on the page's own origin. */
export const workflowClient = createWorkflowClient({ baseUrl: '/api/workflow' });
