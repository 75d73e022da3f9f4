import type { StartedRun } from '@flowloom/core';
import type { Hono } from 'hono';
import { tenantOf } from '../auth/tenantOf';
import type { ApiDependencies, ApiEnv } from './apiEnv';
import { json } from './errorResponse';
import type { GuardRoute } from './guardRoute';
import { loadOwnedInstance, loadOwnedWorkflow } from './loadOwned';
import { parseInput } from './parseInput';
import { readJsonBody } from './readJsonBody';
import {
  CreateInstanceRequestSchema,
  ExecuteRequestSchema,
  LogsQuerySchema,
  ResumeRequestSchema,
  type RunAccepted,
} from './schemas';

/**
 * The instance routes: create, read, execute, retry, stop, resume, status and logs (listing and
 * deleting are the run-history routes').
 */
export function addInstanceRoutes(
  app: Hono<ApiEnv>,
  deps: ApiDependencies,
  guard: GuardRoute,
): void {
  app.post('/instances', guard('createInstance'), async (c) => {
    const user = c.get('user');
    const body = parseInput(
      CreateInstanceRequestSchema,
      await readJsonBody(c.req.raw, deps.bodyLimit, deps.limits.maxJsonDepth),
      'instance',
    );
    await deps.access.authorize(user, 'instances:create', { type: 'instance' });
    // The instance records workflow_id even beside workflow_data, so it must be the caller's.
    if (body.workflow_id !== undefined) {
      await loadOwnedWorkflow(deps, user, body.workflow_id, 'workflows:read');
    }
    const instance = await deps.engine.createInstance({
      name: body.name,
      workflow_data: 'workflow_data' in body ? body.workflow_data : undefined,
      workflow_id: body.workflow_id,
      version: 'version' in body ? body.version : undefined,
      created_by: user.id,
      tenant_id: tenantOf(user),
    });
    return json(201, instance);
  });

  app.get('/instances/:instance_id', guard('getInstance'), async (c) => {
    return json(
      200,
      await loadOwnedInstance(deps, c.get('user'), c.req.param('instance_id'), 'instances:read'),
    );
  });

  app.post('/instances/:instance_id/execute', guard('execute'), async (c) => {
    const instance = await loadOwnedInstance(
      deps,
      c.get('user'),
      c.req.param('instance_id'),
      'instances:execute',
    );
    const { input_data, until } = parseInput(
      ExecuteRequestSchema,
      await readJsonBody(c.req.raw, deps.bodyLimit, deps.limits.maxJsonDepth),
      'execute request',
    );
    // Accepted here, run in the background: the client follows it over the WebSocket.
    const started = await deps.runner.start(
      instance.instance_id,
      input_data,
      until ? { until } : {},
    );
    return json(202, runAccepted(instance.instance_id, started));
  });

  app.post('/instances/:instance_id/retry', guard('retry'), async (c) => {
    const instance = await loadOwnedInstance(
      deps,
      c.get('user'),
      c.req.param('instance_id'),
      'instances:execute',
    );
    // Accepted here, run in the background from the failed steps on, as execute does.
    const started = await deps.runner.retry(instance.instance_id);
    return json(202, runAccepted(instance.instance_id, started));
  });

  app.post('/instances/:instance_id/stop', guard('stop'), async (c) => {
    const instance = await loadOwnedInstance(
      deps,
      c.get('user'),
      c.req.param('instance_id'),
      'instances:stop',
    );
    return json(
      200,
      await deps.runner.stop(instance.instance_id, 'Stopped by request', {
        cancelOrphaned: deps.cancelsOrphanedRuns(),
      }),
    );
  });

  app.post('/instances/:instance_id/resume', guard('resume'), async (c) => {
    const instance = await loadOwnedInstance(
      deps,
      c.get('user'),
      c.req.param('instance_id'),
      'instances:resume',
    );
    const { step_id, data } = parseInput(
      ResumeRequestSchema,
      await readJsonBody(c.req.raw, deps.bodyLimit, deps.limits.maxJsonDepth),
      'resume request',
    );
    // Accepted here; the run goes on in the background from the resumed step.
    const started = await deps.runner.resumeWait(instance.instance_id, step_id, data ?? {});
    return json(202, runAccepted(instance.instance_id, started));
  });

  app.get('/instances/:instance_id/status', guard('status'), async (c) => {
    const instance = await loadOwnedInstance(
      deps,
      c.get('user'),
      c.req.param('instance_id'),
      'instances:read',
    );
    return json(200, await deps.engine.getStatus(instance.instance_id));
  });

  app.get('/instances/:instance_id/logs', guard('logs'), async (c) => {
    const instance = await loadOwnedInstance(
      deps,
      c.get('user'),
      c.req.param('instance_id'),
      'instances:read',
    );
    const query = parseInput(LogsQuerySchema, c.req.query(), 'query');
    return json(200, { logs: await deps.store.listLogs(instance.instance_id, query) });
  });
}

/**
 * The answer to an accepted run: `queued` while it waits for a concurrency slot in this
 * process, else `running`. A queue runner's job is `running` from the API's side: a worker
 * takes it, and a wait for a slot there shows in the run's status and events.
 */
function runAccepted(instanceId: string, started: StartedRun): RunAccepted {
  return {
    instance_id: instanceId,
    status: started.instance.status === 'queued' ? 'queued' : 'running',
  };
}
