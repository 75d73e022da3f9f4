import {
  ErrorCode,
  type InstanceStatus,
  isFinalInstanceStatus,
  toInstanceSummary,
} from '@flowloom/core';
import type { Hono } from 'hono';
import type { ApiDependencies, ApiEnv } from './apiEnv';
import { httpError, json } from './errorResponse';
import type { GuardRoute } from './guardRoute';
import { listInstanceSummariesForUser } from './listInstanceSummariesForUser';
import { loadOwnedInstance } from './loadOwned';
import { parseInput } from './parseInput';
import { ListInstancesQuerySchema } from './schemas';

/**
 * The statuses a run may be deleted in: never started, or finished. Any other (running,
 * interrupted and due to resume, or one a later version adds) answers 409.
 */
const DELETABLE: readonly InstanceStatus[] = ['pending', 'completed', 'failed', 'cancelled'];

/** The run-history routes: list runs as summaries, delete a run. */
export function addRunHistoryRoutes(
  app: Hono<ApiEnv>,
  deps: ApiDependencies,
  guard: GuardRoute,
): void {
  app.get('/instances', guard('listInstances'), async (c) => {
    const user = c.get('user');
    const query = parseInput(ListInstancesQuerySchema, c.req.query(), 'query');
    await deps.access.authorize(user, 'instances:list', { type: 'instance' });
    const { limit, offset, cursor, status, ...filters } = query;
    const page = await listInstanceSummariesForUser(
      deps,
      user,
      { ...filters, statuses: status },
      { limit, offset, cursor },
    );
    return json(200, {
      instances: page.instances.map(toInstanceSummary),
      total: page.total,
      next_cursor: page.next_cursor,
    });
  });

  app.delete('/instances/:instance_id', guard('deleteInstance'), async (c) => {
    const instance = await loadOwnedInstance(
      deps,
      c.get('user'),
      c.req.param('instance_id'),
      'instances:delete',
    );
    // Running here (perhaps still starting, not yet marked in the store): stop it first.
    if (await deps.runner.isRunning(instance.instance_id)) {
      throw httpError(
        ErrorCode.CONFLICT,
        `Instance "${instance.instance_id}" is running: stop it before deleting it`,
      );
    }
    // A parent that runs on (or waits) still reads this run's output, as retention knows too.
    const parentId = instance.parent_instance_id;
    const parent = parentId === null ? null : await deps.store.getInstance(parentId);
    if (parent && !isFinalInstanceStatus(parent.status)) {
      throw httpError(
        ErrorCode.CONFLICT,
        `Instance "${instance.instance_id}" belongs to run "${parent.instance_id}", which is still ${parent.status}: delete it once its parent has finished`,
      );
    }
    // The store checks the status in the delete itself, so a run that starts meanwhile stays.
    if (!(await deps.store.deleteInstance(instance.instance_id, { statuses: DELETABLE }))) {
      throw httpError(ErrorCode.NOT_FOUND, `Instance "${instance.instance_id}" does not exist`);
    }
    return new Response(null, { status: 204 });
  });
}
