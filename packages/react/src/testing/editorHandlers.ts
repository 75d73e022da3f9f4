import { SaveWorkflowInputSchema, validateWorkflow } from '@flowloom/core';
import { HttpResponse, http } from 'msw';
import { notFound } from './errorAnswer';
import { FAKE_USER_ID, type FakeWorkflowBackend } from './FakeWorkflowBackend';
import { fakeRoute } from './fakeRoute';
import { parseInput, readJsonBody } from './readJsonBody';
import { readQuery } from './readQuery';

/** The editor routes: save (drafts included), load and list. */
export function editorHandlers(backend: FakeWorkflowBackend, base: string, latencyMs: number) {
  return [
    http.post(
      `${base}/editor/save`,
      fakeRoute(latencyMs, async ({ request }) => {
        const body = parseInput(SaveWorkflowInputSchema, await readJsonBody(request), 'workflow');
        // Drafts that fail validation are saved too, with their problems in the answer.
        const validation = validateWorkflow(body.workflow_data, backend.registry);
        const saved = await backend.store.saveWorkflow({
          workflow_id: body.workflow_id,
          name: body.name,
          workflow_data: body.workflow_data,
          created_by: FAKE_USER_ID,
        });
        const { workflow_id, name, version, updated_at } = saved;
        return HttpResponse.json({ workflow_id, name, version, updated_at, validation });
      }),
    ),

    http.get(
      `${base}/editor/load/:workflow_id`,
      fakeRoute(latencyMs, async ({ params }) => {
        const workflowId = params.workflow_id ?? '';
        const workflow = await backend.store.loadWorkflow(workflowId);
        if (!workflow) throw notFound(`Workflow "${workflowId}" does not exist`);
        return HttpResponse.json(workflow);
      }),
    ),

    http.get(
      `${base}/editor/list`,
      fakeRoute(latencyMs, async ({ url }) => {
        const paging = readQuery(url, {
          limit: { min: 1, max: 500, default: 100 },
          offset: { min: 0, default: 0 },
        });
        return HttpResponse.json(await backend.store.listWorkflows(paging));
      }),
    ),
  ];
}
