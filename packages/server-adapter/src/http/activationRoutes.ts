import type { Hono } from 'hono';
import type { ApiDependencies, ApiEnv } from './apiEnv';
import { json } from './errorResponse';
import type { GuardRoute } from './guardRoute';
import { loadOwnedWorkflow } from './loadOwned';

/**
 * The activation routes: activate and deactivate a saved workflow's triggers, and read a
 * workflow with its activation (`GET /workflows/{id}`).
 */
export function addActivationRoutes(
  app: Hono<ApiEnv>,
  deps: ApiDependencies,
  guard: GuardRoute,
): void {
  app.get('/workflows/:workflow_id', guard('getWorkflow'), async (c) => {
    const workflow = await loadOwnedWorkflow(
      deps,
      c.get('user'),
      c.req.param('workflow_id'),
      'workflows:read',
    );
    const activation = await deps.triggers.describe(workflow.workflow_id, originOf(c.req.url));
    return json(200, { ...workflow, ...activation });
  });

  app.post('/workflows/:workflow_id/activate', guard('activateWorkflow'), async (c) => {
    const workflow = await loadOwnedWorkflow(
      deps,
      c.get('user'),
      c.req.param('workflow_id'),
      'workflows:activate',
    );
    return json(200, await deps.triggers.activate(workflow, originOf(c.req.url)));
  });

  app.post('/workflows/:workflow_id/deactivate', guard('deactivateWorkflow'), async (c) => {
    const workflow = await loadOwnedWorkflow(
      deps,
      c.get('user'),
      c.req.param('workflow_id'),
      'workflows:deactivate',
    );
    await deps.triggers.deactivate(workflow.workflow_id);
    return json(200, { workflow_id: workflow.workflow_id, active: false });
  });
}

function originOf(url: string): string {
  return new URL(url).origin;
}
