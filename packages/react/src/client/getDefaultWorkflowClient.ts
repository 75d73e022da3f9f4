import type { WorkflowClient } from './clientTypes';
import { createWorkflowClient } from './createWorkflowClient';

let defaultClient: WorkflowClient | undefined;

/**
 * The client the hooks and components use when no `<WorkflowProvider>` gives one: made on first
 * use, on `/api/workflow` of the page's origin, and shared from then on.
 *
 * @remarks It reads `fetch` and `WebSocket` from `globalThis` at each call, so mocks installed
 * after it was made (MSW's `setupServer`) still apply.
 */
export function getDefaultWorkflowClient(): WorkflowClient {
  defaultClient ??= createWorkflowClient();
  return defaultClient;
}
