import {
  ErrorCode,
  replaceCredentialReferences,
  validateWorkflow,
  type WorkflowExport,
} from '@flowloom/core';
import type { Hono } from 'hono';
import { tenantOf } from '../auth/tenantOf';
import type { ApiDependencies, ApiEnv } from './apiEnv';
import { attachmentDisposition } from './attachmentDisposition';
import { httpError, json } from './errorResponse';
import type { GuardRoute } from './guardRoute';
import { loadOwnedWorkflow, loadOwnedWorkflowAt } from './loadOwned';
import { parseInput } from './parseInput';
import { readJsonBody } from './readJsonBody';
import {
  ListVersionsQuerySchema,
  WorkflowFileSchema,
  WorkflowVersionQuerySchema,
} from './runHistorySchemas';

/** Issue codes of a document over the server's limits: such a file is not imported. */
const OVER_LIMITS = new Set(['TOO_MANY_NODES', 'TOO_MANY_EDGES', 'TOO_DEEP']);

/** The saved-workflow routes beyond the editor's: versions, delete, export and import. */
export function addWorkflowRoutes(
  app: Hono<ApiEnv>,
  deps: ApiDependencies,
  guard: GuardRoute,
): void {
  app.get('/workflows/:workflow_id/versions', guard('listVersions'), async (c) => {
    const workflow = await loadOwnedWorkflow(
      deps,
      c.get('user'),
      c.req.param('workflow_id'),
      'workflows:read',
    );
    const query = parseInput(ListVersionsQuerySchema, c.req.query(), 'query');
    const versions = await deps.store.listWorkflowVersions(workflow.workflow_id, query);
    return json(200, { versions });
  });

  app.delete('/workflows/:workflow_id', guard('deleteWorkflow'), async (c) => {
    const workflow = await loadOwnedWorkflow(
      deps,
      c.get('user'),
      c.req.param('workflow_id'),
      'workflows:delete',
    );
    // Its versions go with it; its runs keep their own copy of the document and stay readable.
    if (!(await deps.store.deleteWorkflow(workflow.workflow_id))) {
      throw httpError(ErrorCode.NOT_FOUND, `Workflow "${workflow.workflow_id}" does not exist`);
    }
    // Its activation went with it: its schedules stop here at once (other servers follow), and
    // a tick already starting a run has done so before the answer.
    deps.triggers.forget(workflow.workflow_id);
    await deps.triggers.settled(workflow.workflow_id);
    return new Response(null, { status: 204 });
  });

  app.get('/workflows/:workflow_id/export', guard('exportWorkflow'), async (c) => {
    const user = c.get('user');
    const { version } = parseInput(WorkflowVersionQuerySchema, c.req.query(), 'query');
    const workflow = await loadOwnedWorkflowAt(deps, user, c.req.param('workflow_id'), version);
    const file: WorkflowExport = {
      flowloom_version: 1,
      name: workflow.name,
      // A file never names a stored credential: whoever imports it picks their own.
      workflow_data: replaceCredentialReferences(workflow.workflow_data, deps.registry),
    };
    return json(200, file, {
      'content-disposition': attachmentDisposition(`${workflow.name}.flowloom.json`),
    });
  });

  app.post('/workflows/import', guard('importWorkflow'), async (c) => {
    const user = c.get('user');
    const file = parseInput(
      WorkflowFileSchema,
      await readJsonBody(c.req.raw, deps.bodyLimit, deps.limits.maxJsonDepth),
      'workflow file',
    );
    await deps.access.authorize(user, 'workflows:save', { type: 'workflow' });
    // A hand-made file may name credentials: they become placeholders, as in an export.
    const workflowData = replaceCredentialReferences(file.workflow_data, deps.registry);
    const validation = validateWorkflow(workflowData, deps.registry, { limits: deps.limits });
    const overLimits = validation.errors.filter((issue) => OVER_LIMITS.has(issue.code));
    if (overLimits.length > 0) {
      throw httpError(
        ErrorCode.INVALID_WORKFLOW,
        `The workflow is over this server's limits: ${overLimits.map((issue) => issue.message).join('; ')}`,
        overLimits.map((issue) => ({
          path: `workflow_data${issue.field ? `.${issue.field}` : ''}`,
          message: issue.message,
        })),
      );
    }
    // Saved even with problems (e.g. credentials to pick), as the editor saves drafts.
    const saved = await deps.store.saveWorkflow({
      name: file.name,
      workflow_data: workflowData,
      created_by: user.id,
      tenant_id: tenantOf(user),
      updated_by: user.id,
      valid: validation.valid,
    });
    const { workflow_id, name, version, updated_at } = saved;
    return json(201, { workflow_id, name, version, updated_at, validation });
  });
}
