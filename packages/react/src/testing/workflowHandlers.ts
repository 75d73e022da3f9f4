import {
  ErrorCode,
  FlowloomError,
  replaceCredentialReferences,
  type SavedWorkflow,
  validateWorkflow,
  WorkflowExportSchema,
} from '@flowloom/core';
import { HttpResponse, http } from 'msw';
import { attachmentDisposition } from './attachmentDisposition';
import { notFound } from './errorAnswer';
import { FAKE_USER_ID, type FakeWorkflowBackend } from './FakeWorkflowBackend';
import { fakeRoute } from './fakeRoute';
import { parseInput, readJsonBody } from './readJsonBody';
import { readQuery } from './readQuery';

/** Issue codes of a document over the limits: such a file is not imported, as on the server. */
const OVER_LIMITS = new Set(['TOO_MANY_NODES', 'TOO_MANY_EDGES', 'TOO_DEEP']);

/**
 * A saved workflow at the `?version=` of `url` (its latest without one).
 *
 * @throws FlowloomError `NOT_FOUND` for an unknown workflow or version, `VALIDATION_FAILED` for
 * a version that is not a whole number.
 */
export async function loadWorkflowAt(
  backend: FakeWorkflowBackend,
  workflowId: string,
  url: URL,
): Promise<SavedWorkflow> {
  const { version } = readQuery(url, { version: { min: 1, max: 2_147_483_647 } });
  const workflow =
    version === undefined
      ? await backend.store.loadWorkflow(workflowId)
      : await backend.store.loadWorkflowVersion(workflowId, version);
  if (workflow) return workflow;
  const known = version !== undefined && (await backend.store.loadWorkflow(workflowId));
  throw notFound(
    known
      ? `Workflow "${workflowId}" has no version ${version}`
      : `Workflow "${workflowId}" does not exist`,
  );
}

/** The saved-workflow routes beyond the editor's: versions, delete, export and import. */
export function workflowHandlers(backend: FakeWorkflowBackend, base: string, latencyMs: number) {
  const loadLatest = async (workflowId: string) => {
    const workflow = await backend.store.loadWorkflow(workflowId);
    if (!workflow) throw notFound(`Workflow "${workflowId}" does not exist`);
    return workflow;
  };

  return [
    http.get(
      `${base}/workflows/:workflow_id/versions`,
      fakeRoute(latencyMs, async ({ params, url }) => {
        const workflow = await loadLatest(params.workflow_id ?? '');
        const paging = readQuery(url, {
          limit: { min: 1, max: 500, default: 100 },
          offset: { min: 0, default: 0 },
        });
        const versions = await backend.store.listWorkflowVersions(workflow.workflow_id, paging);
        return HttpResponse.json({ versions });
      }),
    ),

    http.delete(
      `${base}/workflows/:workflow_id`,
      fakeRoute(latencyMs, async ({ params }) => {
        const workflow = await loadLatest(params.workflow_id ?? '');
        await backend.store.deleteWorkflow(workflow.workflow_id);
        return new HttpResponse(null, { status: 204 });
      }),
    ),

    http.get(
      `${base}/workflows/:workflow_id/export`,
      fakeRoute(latencyMs, async ({ params, url }) => {
        const workflow = await loadWorkflowAt(backend, params.workflow_id ?? '', url);
        const file = {
          flowloom_version: 1,
          name: workflow.name,
          workflow_data: replaceCredentialReferences(workflow.workflow_data, backend.registry),
        };
        return HttpResponse.json(file, {
          headers: {
            'content-disposition': attachmentDisposition(`${workflow.name}.flowloom.json`),
          },
        });
      }),
    ),

    http.post(
      `${base}/workflows/import`,
      fakeRoute(latencyMs, async ({ request }) => {
        const file = parseInput(WorkflowExportSchema, await readJsonBody(request), 'workflow file');
        const workflowData = replaceCredentialReferences(file.workflow_data, backend.registry);
        const validation = validateWorkflow(workflowData, backend.registry);
        const overLimits = validation.errors.filter((issue) => OVER_LIMITS.has(issue.code));
        if (overLimits.length > 0) {
          throw new FlowloomError(ErrorCode.INVALID_WORKFLOW, 'The workflow is over the limits', {
            issues: overLimits.map((issue) => ({ path: 'workflow_data', message: issue.message })),
          });
        }
        const saved = await backend.store.saveWorkflow({
          name: file.name,
          workflow_data: workflowData,
          created_by: FAKE_USER_ID,
          updated_by: FAKE_USER_ID,
          valid: validation.valid,
        });
        const { workflow_id, name, version, updated_at } = saved;
        return HttpResponse.json(
          { workflow_id, name, version, updated_at, validation },
          { status: 201 },
        );
      }),
    ),
  ];
}
