import {
  ErrorCode,
  FlowloomError,
  invalidWorkflowError,
  type SavedWorkflow,
  triggerTypeOf,
  validateWorkflow,
} from '@flowloom/core';
import { HttpResponse, http } from 'msw';
import type { TriggerInfo } from '../client/clientTypes';
import { notFound } from './errorAnswer';
import type { FakeWorkflowBackend } from './FakeWorkflowBackend';
import { fakeRoute } from './fakeRoute';

/** The trigger types the server arms when a workflow is active. */
const ARMED_TRIGGERS: ReadonlySet<string> = new Set(['webhook_trigger', 'schedule_trigger']);

/**
 * The armed triggers of a workflow version, as the server describes them (the fake keeps no
 * schedule clock, so `next_run_at` is left out).
 */
function triggersOf(
  backend: FakeWorkflowBackend,
  workflow: SavedWorkflow,
  origin: string,
  base: string,
): TriggerInfo[] {
  const triggers: TriggerInfo[] = [];
  for (const node of workflow.workflow_data.nodes) {
    if (!ARMED_TRIGGERS.has(node.type) || !backend.registry.hasComponent(node.type)) continue;
    const type = triggerTypeOf(node.type);
    if (type !== 'webhook') {
      triggers.push({ step_id: node.id, type });
      continue;
    }
    const values = backend.registry
      .resolve(node.type)
      .parameters.withDefaults(node.data.parameters) as { path?: string; method?: string };
    const webhookBase = `${origin}${base}/webhooks/${encodeURIComponent(workflow.workflow_id)}`;
    triggers.push({
      step_id: node.id,
      type,
      method: values.method,
      webhook_url: `${webhookBase}${values.path ?? ''}`,
    });
  }
  return triggers;
}

/**
 * The activation routes: `GET /workflows/{id}` (the workflow with its activation), and
 * `POST /workflows/{id}/activate|deactivate`, refusing as the server does a workflow that does
 * not validate (`INVALID_WORKFLOW`) or has no webhook or schedule trigger (`NO_TRIGGER`).
 */
export function activationHandlers(backend: FakeWorkflowBackend, base: string, latencyMs: number) {
  const loadLatest = async (workflowId = '') => {
    const workflow = await backend.store.loadWorkflow(workflowId);
    if (!workflow) throw notFound(`Workflow "${workflowId}" does not exist`);
    return workflow;
  };
  // A path base (`*/api/workflow`) has no origin of its own: the request's is the page's.
  const pathOf = (url: URL) => url.pathname.slice(0, url.pathname.indexOf('/workflows/'));

  return [
    http.get(
      `${base}/workflows/:workflow_id`,
      fakeRoute(latencyMs, async ({ params, url }) => {
        const workflow = await loadLatest(params.workflow_id);
        const activation = await backend.store.getActivation(workflow.workflow_id);
        const active = activation
          ? await backend.store.loadWorkflowVersion(workflow.workflow_id, activation.active_version)
          : null;
        return HttpResponse.json({
          ...workflow,
          active: activation !== null,
          active_version: activation?.active_version ?? null,
          triggers: active ? triggersOf(backend, active, url.origin, pathOf(url)) : [],
        });
      }),
    ),

    http.post(
      `${base}/workflows/:workflow_id/activate`,
      fakeRoute(latencyMs, async ({ params, url }) => {
        const workflow = await loadLatest(params.workflow_id);
        const validation = validateWorkflow(workflow.workflow_data, backend.registry);
        if (!validation.valid) {
          const invalid = invalidWorkflowError(validation.errors, 'workflow_data');
          throw new FlowloomError(
            ErrorCode.INVALID_WORKFLOW,
            `The workflow can't be activated: ${invalid.issues.map((issue) => issue.message).join('; ')}`,
            { issues: invalid.issues },
          );
        }
        const triggers = triggersOf(backend, workflow, url.origin, pathOf(url));
        if (triggers.length === 0) {
          throw new FlowloomError(
            ErrorCode.NO_TRIGGER,
            'The workflow has no webhook or schedule trigger: nothing would start it once active',
            { issues: [{ path: 'workflow_data', message: 'Add a webhook or schedule trigger' }] },
          );
        }
        const activation = await backend.store.activateWorkflow(
          workflow.workflow_id,
          workflow.version,
        );
        return HttpResponse.json({
          workflow_id: workflow.workflow_id,
          active: true,
          version: activation.active_version,
          triggers,
        });
      }),
    ),

    http.post(
      `${base}/workflows/:workflow_id/deactivate`,
      fakeRoute(latencyMs, async ({ params }) => {
        const workflow = await loadLatest(params.workflow_id);
        await backend.store.deactivateWorkflow(workflow.workflow_id);
        return HttpResponse.json({ workflow_id: workflow.workflow_id, active: false });
      }),
    ),
  ];
}
