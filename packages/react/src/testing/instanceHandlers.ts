import {
  CreateInstanceInputSchema,
  ErrorCode,
  FlowloomError,
  type InstanceStatus,
  toInstanceSummary,
  type WorkflowInstance,
} from '@flowloom/core';
import { HttpResponse, http } from 'msw';
import { invalidInput, notFound } from './errorAnswer';
import { FAKE_USER_ID, type FakeWorkflowBackend } from './FakeWorkflowBackend';
import { fakeRoute } from './fakeRoute';
import { readInstanceListQuery } from './readInstanceListQuery';
import { parseInput, readJsonBody } from './readJsonBody';
import { readQuery } from './readQuery';

/** The statuses a run may be deleted in, as on the server. */
const DELETABLE: readonly InstanceStatus[] = ['pending', 'completed', 'failed', 'cancelled'];

/**
 * The instance routes: create, list (as summaries), read, delete, execute, retry, stop, status
 * and logs.
 */
export function instanceHandlers(backend: FakeWorkflowBackend, base: string, latencyMs: number) {
  const load = async (instanceId = ''): Promise<WorkflowInstance> => {
    const instance = await backend.store.getInstance(instanceId);
    if (!instance) throw notFound(`Instance "${instanceId}" does not exist`);
    return instance;
  };

  return [
    http.post(
      `${base}/instances`,
      fakeRoute(latencyMs, async ({ request }) => {
        const body = parseInput(CreateInstanceInputSchema, await readJsonBody(request), 'instance');
        if (body.workflow_data === undefined && body.workflow_id === undefined) {
          throw invalidInput('instance', [
            { path: 'workflow_data', message: 'Give workflow_data or workflow_id' },
          ]);
        }
        if (
          body.workflow_id !== undefined &&
          !(await backend.store.loadWorkflow(body.workflow_id))
        ) {
          throw notFound(`Workflow "${body.workflow_id}" does not exist`);
        }
        const instance = await backend.engine.createInstance({
          name: body.name,
          workflow_data: body.workflow_data,
          workflow_id: body.workflow_id,
          version: body.version,
          created_by: FAKE_USER_ID,
        });
        return HttpResponse.json(instance, { status: 201 });
      }),
    ),

    http.get(
      `${base}/instances`,
      fakeRoute(latencyMs, async ({ url }) => {
        const page = await backend.store.listInstanceSummaries(readInstanceListQuery(url));
        return HttpResponse.json({ ...page, instances: page.instances.map(toInstanceSummary) });
      }),
    ),

    http.get(
      `${base}/instances/:instance_id`,
      fakeRoute(latencyMs, async ({ params }) => HttpResponse.json(await load(params.instance_id))),
    ),

    http.delete(
      `${base}/instances/:instance_id`,
      fakeRoute(latencyMs, async ({ params }) => {
        const instance = await load(params.instance_id);
        if (backend.engine.isRunning(instance.instance_id)) {
          throw new FlowloomError(
            ErrorCode.CONFLICT,
            `Instance "${instance.instance_id}" is running: stop it before deleting it`,
          );
        }
        await backend.store.deleteInstance(instance.instance_id, { statuses: DELETABLE });
        return new HttpResponse(null, { status: 204 });
      }),
    ),

    http.post(
      `${base}/instances/:instance_id/execute`,
      fakeRoute(latencyMs, async ({ request, params }) => {
        const instance = await load(params.instance_id);
        const body = (await readJsonBody(request)) as {
          input_data?: unknown;
          until?: unknown;
        } | null;
        const input = body?.input_data ?? {};
        if (typeof body !== 'object' || body === null || !isRecord(input)) {
          throw invalidInput('execute request', [
            { path: 'input_data', message: 'Expected an object' },
          ]);
        }
        const until = body.until;
        if (until !== undefined && (typeof until !== 'string' || until === '')) {
          throw invalidInput('execute request', [{ path: 'until', message: 'Expected a step id' }]);
        }
        // Accepted, then run in the background, as the server does: follow it over the WebSocket.
        // `until` (run a step and its ancestors only) goes to the engine as the server passes it.
        await backend.engine.startWorkflow(
          instance.instance_id,
          input,
          (until === undefined ? {} : { until }) as Parameters<
            typeof backend.engine.startWorkflow
          >[2],
        );
        return HttpResponse.json(
          { instance_id: instance.instance_id, status: 'running' },
          { status: 202 },
        );
      }),
    ),

    http.post(
      `${base}/instances/:instance_id/retry`,
      fakeRoute(latencyMs, async ({ params }) => {
        const instance = await load(params.instance_id);
        // From the failed and cancelled steps on; 409 while it runs or once it completed.
        await backend.engine.retryWorkflow(instance.instance_id);
        return HttpResponse.json(
          { instance_id: instance.instance_id, status: 'running' },
          { status: 202 },
        );
      }),
    ),

    http.post(
      `${base}/instances/:instance_id/resume`,
      fakeRoute(latencyMs, async ({ params, request }) => {
        const instance = await load(params.instance_id);
        const body = (await readJsonBody(request)) as { step_id?: unknown; data?: unknown };
        if (typeof body.step_id !== 'string' || body.step_id === '') {
          throw invalidInput('resume request', [{ path: 'step_id', message: 'Required' }]);
        }
        // 404 for an unknown step, 409 when it is not waiting: the engine says which.
        await backend.engine.resumeWait(
          instance.instance_id,
          body.step_id,
          (body.data ?? {}) as Record<string, unknown>,
        );
        return HttpResponse.json(
          { instance_id: instance.instance_id, status: 'running' },
          { status: 202 },
        );
      }),
    ),

    http.post(
      `${base}/instances/:instance_id/stop`,
      fakeRoute(latencyMs, async ({ params }) => {
        const instance = await load(params.instance_id);
        return HttpResponse.json(
          await backend.engine.stopWorkflow(instance.instance_id, 'Stopped by request'),
        );
      }),
    ),

    http.get(
      `${base}/instances/:instance_id/status`,
      fakeRoute(latencyMs, async ({ params }) => {
        const instance = await load(params.instance_id);
        return HttpResponse.json(await backend.engine.getStatus(instance.instance_id));
      }),
    ),

    http.get(
      `${base}/instances/:instance_id/logs`,
      fakeRoute(latencyMs, async ({ url, params }) => {
        const instance = await load(params.instance_id);
        const query = readQuery(url, {
          since: { min: 0, default: 0 },
          limit: { min: 1, max: 10_000 },
        });
        return HttpResponse.json({
          logs: await backend.store.listLogs(instance.instance_id, query),
        });
      }),
    ),
  ];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
