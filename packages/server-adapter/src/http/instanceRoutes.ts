import type { WorkflowInstance } from '@flowloom/core';
import type { Hono } from 'hono';
import { tenantOf } from '../auth/tenantOf';
import type { ApiDependencies, ApiEnv } from './apiEnv';
import { json } from './errorResponse';
import type { GuardRoute } from './guardRoute';
import { listForUser } from './listForUser';
import { loadOwnedInstance, loadOwnedWorkflow } from './loadOwned';
import { parseInput } from './parseInput';
import { readJsonBody } from './readJsonBody';
import {
  CreateInstanceRequestSchema,
  ExecuteRequestSchema,
  ListInstancesQuerySchema,
  LogsQuerySchema,
} from './schemas';

/** The instance routes: create, list, read, execute, stop, status and logs. */
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
      workflow_data: body.workflow_data,
      workflow_id: body.workflow_id,
      created_by: user.id,
      tenant_id: tenantOf(user),
    });
    return json(201, instance);
  });

  app.get('/instances', guard('listInstances'), async (c) => {
    const user = c.get('user');
    const query = parseInput(ListInstancesQuerySchema, c.req.query(), 'query');
    await deps.access.authorize(user, 'instances:list', { type: 'instance' });
    const { items: instances, total } = await listForUser<WorkflowInstance>(
      deps,
      user,
      {
        type: 'instance',
        idOf: (instance) => instance.instance_id,
        read: async (page, access) => {
          const list = await deps.store.listInstances({ status: query.status, ...page, access });
          return { items: list.instances, total: list.total };
        },
      },
      query,
    );
    return json(200, { instances, total });
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
    const { input_data } = parseInput(
      ExecuteRequestSchema,
      await readJsonBody(c.req.raw, deps.bodyLimit, deps.limits.maxJsonDepth),
      'execute request',
    );
    // Accepted here, run in the background: the client follows it over the WebSocket.
    await deps.engine.startWorkflow(instance.instance_id, input_data);
    return json(202, { instance_id: instance.instance_id, status: 'running' });
  });

  app.post('/instances/:instance_id/stop', guard('stop'), async (c) => {
    const instance = await loadOwnedInstance(
      deps,
      c.get('user'),
      c.req.param('instance_id'),
      'instances:stop',
    );
    return json(200, await deps.engine.stopWorkflow(instance.instance_id, 'Stopped by request'));
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
