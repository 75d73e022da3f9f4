import { validateWorkflow, type WorkflowListItem, type WorkflowSummary } from '@flowloom/core';
import type { Hono } from 'hono';
import { tenantOf } from '../auth/tenantOf';
import type { ApiDependencies, ApiEnv } from './apiEnv';
import { json } from './errorResponse';
import type { GuardRoute } from './guardRoute';
import { listForUser } from './listForUser';
import { loadOwnedWorkflow, loadOwnedWorkflowAt } from './loadOwned';
import { parseInput } from './parseInput';
import { readJsonBody } from './readJsonBody';
import { WorkflowVersionQuerySchema } from './runHistorySchemas';
import { ListWorkflowsQuerySchema, SaveRequestSchema } from './schemas';

/**
 * The editor routes: save (drafts included, each save kept as a version, `expected_version`
 * refusing a save based on an older one), load (any version) and list.
 */
export function addEditorRoutes(app: Hono<ApiEnv>, deps: ApiDependencies, guard: GuardRoute): void {
  app.post('/editor/save', guard('save'), async (c) => {
    const user = c.get('user');
    const body = parseInput(
      SaveRequestSchema,
      await readJsonBody(c.req.raw, deps.bodyLimit, deps.limits.maxJsonDepth),
      'workflow',
    );
    if (body.workflow_id) await loadOwnedWorkflow(deps, user, body.workflow_id, 'workflows:save');
    else await deps.access.authorize(user, 'workflows:save', { type: 'workflow' });
    // Editors save drafts: a workflow that fails validation is saved and its problems returned.
    const validation = validateWorkflow(body.workflow_data, deps.registry, { limits: deps.limits });
    const saved = await deps.store.saveWorkflow({
      ...body,
      created_by: user.id,
      tenant_id: tenantOf(user),
      updated_by: user.id,
      valid: validation.valid,
      // Each save keeps a version: past the limit the oldest go, never the active one.
      keep_versions: deps.limits.maxVersionsPerWorkflow,
    });
    const { workflow_id, name, version, updated_at } = saved;
    // An active workflow moves to this version when it is valid, else keeps its previous one.
    const activation = await deps.triggers.afterSave(saved, validation.valid);
    return json(200, {
      workflow_id,
      name,
      version,
      updated_at,
      validation,
      ...(activation ? { activation } : {}),
    });
  });

  app.get('/editor/load/:workflow_id', guard('load'), async (c) => {
    const { version } = parseInput(WorkflowVersionQuerySchema, c.req.query(), 'query');
    return json(
      200,
      await loadOwnedWorkflowAt(deps, c.get('user'), c.req.param('workflow_id'), version),
    );
  });

  app.get('/editor/list', guard('list'), async (c) => {
    const user = c.get('user');
    const query = parseInput(ListWorkflowsQuerySchema, c.req.query(), 'query');
    await deps.access.authorize(user, 'workflows:list', { type: 'workflow' });
    const { items: workflows, total } = await listForUser<WorkflowSummary>(
      deps,
      user,
      {
        type: 'workflow',
        idOf: (workflow) => workflow.workflow_id,
        read: async (page, access) => {
          const list = await deps.store.listWorkflows({ ...page, access });
          return { items: list.workflows, total: list.total };
        },
      },
      query,
    );
    // One read of the active workflows for the page, not one per listed workflow.
    const active = new Set((await deps.store.listActivations()).map((entry) => entry.workflow_id));
    const listed: WorkflowListItem[] = workflows.map((workflow) => ({
      ...workflow,
      active: active.has(workflow.workflow_id),
    }));
    return json(200, { workflows: listed, total });
  });
}
