import { validateWorkflow } from '@flowloom/core';
import type { Hono } from 'hono';
import type { ApiDependencies, ApiEnv } from './apiEnv';
import { json } from './errorResponse';
import type { GuardRoute } from './guardRoute';
import { loadOwnedWorkflow } from './loadOwned';
import { parseInput } from './parseInput';
import { readJsonBody } from './readJsonBody';
import { ListWorkflowsQuerySchema, SaveRequestSchema } from './schemas';

/** The editor routes: save (drafts included), load and list. */
export function addEditorRoutes(app: Hono<ApiEnv>, deps: ApiDependencies, guard: GuardRoute): void {
  app.post('/editor/save', guard('save'), async (c) => {
    const user = c.get('user');
    const body = parseInput(
      SaveRequestSchema,
      await readJsonBody(c.req.raw, deps.bodyLimit),
      'workflow',
    );
    if (body.workflow_id) await loadOwnedWorkflow(deps, user, body.workflow_id, 'workflows:save');
    else await deps.access.authorize(user, 'workflows:save', { type: 'workflow' });
    // Editors save drafts: a workflow that fails validation is saved and its problems returned.
    const validation = validateWorkflow(body.workflow_data, deps.registry);
    const saved = await deps.store.saveWorkflow({ ...body, created_by: user.id });
    const { workflow_id, name, version, updated_at } = saved;
    return json(200, { workflow_id, name, version, updated_at, validation });
  });

  app.get('/editor/load/:workflow_id', guard('load'), async (c) => {
    return json(
      200,
      await loadOwnedWorkflow(deps, c.get('user'), c.req.param('workflow_id'), 'workflows:read'),
    );
  });

  app.get('/editor/list', guard('list'), async (c) => {
    const user = c.get('user');
    const query = parseInput(ListWorkflowsQuerySchema, c.req.query(), 'query');
    await deps.access.authorize(user, 'workflows:list', { type: 'workflow' });
    return json(200, await deps.store.listWorkflows({ ...query, created_by: user.id }));
  });
}
