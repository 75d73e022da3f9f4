import { SaveWorkflowInputSchema, validateWorkflow } from '@flowloom/core';
import { HttpResponse, http } from 'msw';
import { invalidInput } from './errorAnswer';
import { FAKE_USER_ID, type FakeWorkflowBackend } from './FakeWorkflowBackend';
import { fakeRoute } from './fakeRoute';
import { parseInput, readJsonBody } from './readJsonBody';
import { readQuery } from './readQuery';
import { loadWorkflowAt } from './workflowHandlers';

/** The editor routes: save (drafts included, each kept as a version), load (any version) and list. */
export function editorHandlers(backend: FakeWorkflowBackend, base: string, latencyMs: number) {
  return [
    http.post(
      `${base}/editor/save`,
      fakeRoute(latencyMs, async ({ request }) => {
        const raw = await readJsonBody(request);
        const body = parseInput(SaveWorkflowInputSchema, raw, 'workflow');
        const expected = (raw as { expected_version?: unknown }).expected_version;
        if (expected !== undefined && !(Number.isInteger(expected) && (expected as number) >= 1)) {
          throw invalidInput('workflow', [
            { path: 'expected_version', message: 'Expected a whole number of at least 1' },
          ]);
        }
        // Drafts that fail validation are saved too, with their problems in the answer.
        const validation = validateWorkflow(body.workflow_data, backend.registry);
        // A save based on an older version is refused with the version it is at (409).
        const saved = await backend.store.saveWorkflow({
          workflow_id: body.workflow_id,
          name: body.name,
          workflow_data: body.workflow_data,
          created_by: FAKE_USER_ID,
          updated_by: FAKE_USER_ID,
          valid: validation.valid,
          expected_version: expected as number | undefined,
        });
        const { workflow_id, name, version, updated_at } = saved;
        return HttpResponse.json({ workflow_id, name, version, updated_at, validation });
      }),
    ),

    http.get(
      `${base}/editor/load/:workflow_id`,
      fakeRoute(latencyMs, async ({ params, url }) =>
        HttpResponse.json(await loadWorkflowAt(backend, params.workflow_id ?? '', url)),
      ),
    ),

    http.get(
      `${base}/editor/list`,
      fakeRoute(latencyMs, async ({ url }) => {
        const paging = readQuery(url, {
          limit: { min: 1, max: 500, default: 100 },
          offset: { min: 0, default: 0 },
        });
        const { workflows, total } = await backend.store.listWorkflows(paging);
        const active = new Set(
          (await backend.store.listActivations()).map((entry) => entry.workflow_id),
        );
        return HttpResponse.json({
          workflows: workflows.map((workflow) => ({
            ...workflow,
            active: active.has(workflow.workflow_id),
          })),
          total,
        });
      }),
    ),
  ];
}
