import type { ExecutionEvent, WorkflowDataInput } from '@flowloom/core';
import { describe, expect, it, vi } from 'vitest';
import type { WorkflowClient } from './clientTypes';
import { isVersionConflict } from './isVersionConflict';

/** Trigger → log `message`. */
function logWorkflow(message: string): WorkflowDataInput {
  return {
    nodes: [
      { id: 'start', type: 'manual_trigger' },
      { id: 'say', type: 'log', data: { parameters: { message } } },
    ],
    edges: [{ id: 'e1', source: 'start', target: 'say' }],
  };
}

/** Trigger → a long delay: a run that stays running. */
const slowWorkflow: WorkflowDataInput = {
  nodes: [
    { id: 'start', type: 'manual_trigger' },
    { id: 'wait', type: 'delay', data: { parameters: { ms: 60_000 } } },
  ],
  edges: [{ id: 'e1', source: 'start', target: 'wait' }],
};

/** Trigger → log → a transform of `input.items`: fails when the run's items are a list. */
const failingWorkflow: WorkflowDataInput = {
  nodes: [
    { id: 'start', type: 'manual_trigger' },
    { id: 'say', type: 'log', data: { parameters: { message: 'before' } } },
    { id: 'reshape', type: 'transform', data: { parameters: { mapping: '{{ input.items }}' } } },
  ],
  edges: [
    { id: 'e1', source: 'start', target: 'say' },
    { id: 'e2', source: 'say', target: 'reshape' },
  ],
};

/** Trigger → an HTTP request holding a credential reference. */
const authedWorkflow: WorkflowDataInput = {
  nodes: [
    { id: 'start', type: 'manual_trigger' },
    {
      id: 'call',
      type: 'http_request',
      data: {
        parameters: {
          url: 'https://example.com',
          auth: 'bearer',
          credential: { credential_id: 'cred_private' },
        },
      },
    },
  ],
  edges: [{ id: 'e1', source: 'start', target: 'call' }],
};

/** Trigger → an approval wait → log: a run that waits for `POST /resume`. */
const approvalWorkflow: WorkflowDataInput = {
  nodes: [
    { id: 'start', type: 'manual_trigger' },
    { id: 'approve', type: 'wait', data: { parameters: { mode: 'resume' } } },
    { id: 'say', type: 'log', data: { parameters: { message: 'approved' } } },
  ],
  edges: [
    { id: 'e1', source: 'start', target: 'approve' },
    { id: 'e2', source: 'approve', target: 'say', sourceHandle: 'output' },
  ],
};

/** The data of a successful call, failing the test otherwise. */
function dataOf<T>(result: { success: true; data: T } | { success: false; error: unknown }): T {
  if (!result.success) throw new Error(`Expected success, got ${JSON.stringify(result.error)}`);
  return result.data;
}

/**
 * The run-history, retry, versions, delete and import/export calls of the client, as one scenario
 * suite: run against the real server and against the MSW kit, so the fake answers as the
 * server does.
 */
export function describeRunHistoryClient(name: string, clientOf: () => Promise<WorkflowClient>) {
  describe(`${name}: run history, versions, delete, export and import`, () => {
    it('lists runs as summaries, filtered by several statuses, paged by cursor', async () => {
      const client = await clientOf();
      const saved = dataOf(
        await client.saveWorkflow({ name: 'Flow', workflow_data: logWorkflow('hi') }),
      );
      const ids: string[] = [];
      for (let index = 0; index < 3; index += 1) {
        const created = dataOf(
          await client.createInstance({ name: `Run ${index}`, workflow_id: saved.workflow_id }),
        );
        ids.push(created.instance_id);
      }
      dataOf(await client.createInstance({ name: 'Loose', workflow_data: logWorkflow('x') }));
      const first = dataOf(
        await client.listInstances({
          workflow_id: saved.workflow_id,
          status: ['pending', 'completed'],
          limit: 2,
        }),
      );
      expect(first.total).toBe(3);
      expect(first.instances).toHaveLength(2);
      expect(first.instances[0]).toMatchObject({
        workflow_id: saved.workflow_id,
        workflow_version: 1,
      });
      expect(first.instances[0]).not.toHaveProperty('workflow_data');
      expect(first.next_cursor).toEqual(expect.any(String));
      const second = dataOf(
        await client.listInstances({
          workflow_id: saved.workflow_id,
          limit: 2,
          cursor: first.next_cursor!,
        }),
      );
      expect(second.next_cursor).toBeNull();
      const seen = [...first.instances, ...second.instances].map((i) => i.instance_id);
      expect(seen.sort()).toEqual([...ids].sort());
      expect(dataOf(await client.listInstances({ status: 'running' })).total).toBe(0);
      const bad = await client.listInstances({ limit: 500 });
      expect(bad).toMatchObject({
        success: false,
        error: { code: 'VALIDATION_FAILED', status: 400 },
      });
    });

    it('keeps every save as a version, loads any of them, and runs the one asked for', async () => {
      const client = await clientOf();
      const first = dataOf(
        await client.saveWorkflow({ name: 'One', workflow_data: logWorkflow('one') }),
      );
      const id = first.workflow_id;
      dataOf(
        await client.saveWorkflow({
          workflow_id: id,
          expected_version: 1,
          name: 'Two',
          workflow_data: logWorkflow('two'),
        }),
      );
      const versions = dataOf(await client.getWorkflowVersions(id)).versions;
      expect(versions.map((v) => [v.version, v.name, v.valid])).toEqual([
        [2, 'Two', true],
        [1, 'One', true],
      ]);
      const old = dataOf(await client.loadWorkflow(id, { version: 1 }));
      expect(old).toMatchObject({ version: 1, name: 'One' });
      expect(dataOf(await client.loadWorkflow(id))).toMatchObject({ version: 2, name: 'Two' });
      expect(await client.loadWorkflow(id, { version: 9 })).toMatchObject({
        success: false,
        error: { code: 'NOT_FOUND', status: 404 },
      });
      const run = dataOf(await client.createInstance({ name: 'Old', workflow_id: id, version: 1 }));
      expect(run.workflow_version).toBe(1);
    });

    it('returns a stale save as a typed version conflict and writes nothing', async () => {
      const client = await clientOf();
      const saved = dataOf(
        await client.saveWorkflow({ name: 'One', workflow_data: logWorkflow('one') }),
      );
      const save = {
        workflow_id: saved.workflow_id,
        name: 'Mine',
        workflow_data: logWorkflow('m'),
      };
      dataOf(await client.saveWorkflow({ ...save, expected_version: 1 }));
      const stale = await client.saveWorkflow({ ...save, name: 'Stale', expected_version: 1 });
      expect(stale.success).toBe(false);
      if (stale.success) return;
      expect(isVersionConflict(stale.error)).toBe(true);
      expect(stale.error).toMatchObject({
        code: 'VERSION_CONFLICT',
        status: 409,
        current_version: 2,
        issues: [{ path: 'expected_version', message: 'The workflow is at version 2' }],
      });
      expect(dataOf(await client.loadWorkflow(saved.workflow_id)).name).toBe('Mine');
      const notFound = await client.loadWorkflow('wf_nope');
      expect(!notFound.success && isVersionConflict(notFound.error)).toBe(false);
    });

    it('retries a failed run from its failed step, and refuses a completed one with 409', async () => {
      const client = await clientOf();
      const statusOf = async (instanceId: string) => dataOf(await client.getStatus(instanceId));
      const failing = dataOf(
        await client.createInstance({ name: 'Failing', workflow_data: failingWorkflow }),
      );
      const id = failing.instance_id;
      dataOf(await client.executeInstance(id, { items: [1, 2, 3] }));
      await vi.waitFor(async () => expect((await statusOf(id)).status).toBe('failed'));
      expect(await client.retryInstance(id)).toEqual({
        success: true,
        data: { instance_id: id, status: 'running' },
      });
      // The retry's events follow the first run's in one seq: read them all from the start.
      const events: ExecutionEvent[] = [];
      const close = client.subscribe(id, (event) => events.push(event));
      try {
        await vi.waitFor(
          () => expect(events.filter((e) => e.event_type === 'execution_failed')).toHaveLength(2),
          { timeout: 5_000 },
        );
      } finally {
        close();
      }
      expect(events.map((event) => event.seq)).toEqual(events.map((_, index) => index + 1));
      const afterRetry = events.slice(
        events.findIndex((e) => e.event_type === 'execution_retried'),
      );
      expect(afterRetry[0]!.data).toEqual({ step_ids: ['reshape'] });
      // Completed steps keep their outputs and are not run again: only the failed one is.
      expect(new Set(afterRetry.flatMap((event) => event.step_id ?? []))).toEqual(
        new Set(['reshape']),
      );
      expect((await statusOf(id)).status).toBe('failed');

      const done = dataOf(
        await client.createInstance({ name: 'Done', workflow_data: logWorkflow('x') }),
      );
      dataOf(await client.executeInstance(done.instance_id));
      await vi.waitFor(async () =>
        expect((await statusOf(done.instance_id)).status).toBe('completed'),
      );
      expect(await client.retryInstance(done.instance_id)).toMatchObject({
        success: false,
        error: { code: 'CONFLICT', status: 409 },
      });
      expect(await client.retryInstance('inst_nope')).toMatchObject({
        success: false,
        error: { code: 'NOT_FOUND', status: 404 },
      });
    });

    it('resumes a run waiting for approval, and refuses an unknown or not-waiting step', async () => {
      const client = await clientOf();
      const statusOf = async (instanceId: string) => dataOf(await client.getStatus(instanceId));
      const waiting = dataOf(
        await client.createInstance({ name: 'Approval', workflow_data: approvalWorkflow }),
      );
      const id = waiting.instance_id;
      dataOf(await client.executeInstance(id));
      await vi.waitFor(async () => expect((await statusOf(id)).status).toBe('waiting'));
      expect(await client.resumeInstance(id, { step_id: 'nope' })).toMatchObject({
        success: false,
        error: { code: 'NOT_FOUND', status: 404 },
      });
      expect(
        await client.resumeInstance(id, { step_id: 'approve', data: { approved: true } }),
      ).toEqual({ success: true, data: { instance_id: id, status: 'running' } });
      await vi.waitFor(async () => expect((await statusOf(id)).status).toBe('completed'));
      expect((await statusOf(id)).steps.approve?.output_data).toEqual({ approved: true });
      expect(await client.resumeInstance(id, { step_id: 'approve' })).toMatchObject({
        success: false,
        error: { status: 409 },
      });
    });

    it('deletes a finished run, and refuses a running one with 409', async () => {
      const client = await clientOf();
      const done = dataOf(
        await client.createInstance({ name: 'Done', workflow_data: logWorkflow('x') }),
      );
      expect(await client.deleteInstance(done.instance_id)).toEqual({ success: true, data: null });
      expect(await client.getInstance(done.instance_id)).toMatchObject({
        success: false,
        error: { status: 404 },
      });
      const slow = dataOf(
        await client.createInstance({ name: 'Slow', workflow_data: slowWorkflow }),
      );
      dataOf(await client.executeInstance(slow.instance_id));
      expect(await client.deleteInstance(slow.instance_id)).toMatchObject({
        success: false,
        error: { code: 'CONFLICT', status: 409 },
      });
      dataOf(await client.stopInstance(slow.instance_id));
      await vi.waitFor(async () =>
        expect(await client.deleteInstance(slow.instance_id)).toEqual({
          success: true,
          data: null,
        }),
      );
      expect(await client.deleteInstance('inst_nope')).toMatchObject({ error: { status: 404 } });
    });

    it('deletes a saved workflow and leaves its runs', async () => {
      const client = await clientOf();
      const saved = dataOf(
        await client.saveWorkflow({ name: 'W', workflow_data: logWorkflow('w') }),
      );
      const run = dataOf(
        await client.createInstance({ name: 'R', workflow_id: saved.workflow_id }),
      );
      expect(await client.deleteWorkflow(saved.workflow_id)).toEqual({ success: true, data: null });
      expect(await client.loadWorkflow(saved.workflow_id)).toMatchObject({
        error: { code: 'NOT_FOUND' },
      });
      expect((await client.getInstance(run.instance_id)).success).toBe(true);
      expect(await client.deleteWorkflow(saved.workflow_id)).toMatchObject({
        error: { status: 404 },
      });
    });

    it('exports a workflow without its credentials and imports it back as a new one', async () => {
      const client = await clientOf();
      const saved = dataOf(
        await client.saveWorkflow({ name: 'Calls', workflow_data: authedWorkflow }),
      );
      const file = dataOf(await client.exportWorkflow(saved.workflow_id));
      expect(file).toMatchObject({ flowloom_version: 1, name: 'Calls' });
      expect(JSON.stringify(file)).not.toContain('cred_private');
      const call = file.workflow_data.nodes.find((node) => node.id === 'call');
      expect(call?.data.parameters.credential).toEqual({ credential_type: null });
      const imported = dataOf(await client.importWorkflow(file));
      expect(imported).toMatchObject({ name: 'Calls', version: 1 });
      expect(imported.workflow_id).not.toBe(saved.workflow_id);
      expect(imported.validation.valid).toBe(false);
      expect(imported.validation.errors).toContainEqual(
        expect.objectContaining({
          code: 'MISSING_CREDENTIAL',
          node_id: 'call',
          field: 'credential',
        }),
      );
      const wrong = await client.importWorkflow({ ...file, flowloom_version: 2 as 1 });
      expect(wrong).toMatchObject({
        success: false,
        error: { code: 'VALIDATION_FAILED', status: 400 },
      });
      expect(dataOf(await client.exportWorkflow(saved.workflow_id, { version: 1 })).name).toBe(
        'Calls',
      );
    });
  });
}
