import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FlowloomError } from '../errors/FlowloomError';
import type { ExecutionEvent } from '../schema/executionEvent';
import type { LogEntry } from '../schema/logEntry';
import type { WorkflowInstance } from '../schema/workflowInstance';
import { describeActivationContract } from './activationContract';
import { describeAuditLogContract } from './auditLogContract';
import { pause, sampleEvent, sampleInstance, sampleWorkflow } from './contractSamples';
import { describeCredentialStoreContract } from './credentialStoreContract';
import { describeInstanceDeletionContract } from './instanceDeletionContract';
import { describeInstanceSummaryContract } from './instanceSummaryContract';
import { describeLeaseStoreContract } from './leaseStoreContract';
import { describeListAccessContract } from './listAccessContract';
import { describeNulStringContract } from './nulStringContract';
import { describeRunTreeContract } from './runTreeContract';
import type { WorkflowStore } from './WorkflowStore';
import { describeWaitStoreContract } from './waitStoreContract';
import { describeWorkflowVersionsContract } from './workflowVersionsContract';

/**
 * The contract every {@link WorkflowStore} keeps, as a vitest suite. Each test gets a fresh,
 * empty store from `createStore` and releases it with `store.close()`.
 *
 * @example
 * describeWorkflowStoreContract('SqliteStore', () => new SqliteStore(':memory:'));
 */
export function describeWorkflowStoreContract(
  name: string,
  createStore: () => WorkflowStore | Promise<WorkflowStore>,
): void {
  describe(`${name} (WorkflowStore contract)`, () => {
    let store: WorkflowStore;
    beforeEach(async () => {
      store = await createStore();
    });
    afterEach(async () => {
      await store.close();
    });

    describe('workflows', () => {
      it('creates a workflow at version 1 and updates it to version 2', async () => {
        const created = await store.saveWorkflow({
          name: 'First',
          workflow_data: sampleWorkflow(),
          created_by: 'u1',
        });
        expect(created.version).toBe(1);
        expect(created.workflow_id).toMatch(/\S/);
        expect(created.created_by).toBe('u1');
        await pause();
        const updated = await store.saveWorkflow({
          workflow_id: created.workflow_id,
          name: 'Renamed',
          workflow_data: sampleWorkflow('b'),
        });
        expect(updated).toMatchObject({
          workflow_id: created.workflow_id,
          name: 'Renamed',
          version: 2,
          created_by: 'u1',
          created_at: created.created_at,
        });
        expect(updated.updated_at > created.updated_at).toBe(true);
        expect((await store.loadWorkflow(created.workflow_id))?.workflow_data.nodes[0]?.id).toBe(
          'b',
        );
      });

      it('keeps the tenant of the first save, and null when none is given', async () => {
        const created = await store.saveWorkflow({
          name: 'Team',
          workflow_data: sampleWorkflow(),
          created_by: 'u1',
          tenant_id: 't1',
        });
        expect(created.tenant_id).toBe('t1');
        const updated = await store.saveWorkflow({
          workflow_id: created.workflow_id,
          name: 'Team',
          workflow_data: sampleWorkflow(),
          created_by: 'u2',
          tenant_id: 't2',
        });
        expect(updated).toMatchObject({ created_by: 'u1', tenant_id: 't1' });
        expect((await store.loadWorkflow(created.workflow_id))?.tenant_id).toBe('t1');
        expect((await store.listWorkflows()).workflows[0]?.tenant_id).toBe('t1');
        const solo = await store.saveWorkflow({ name: 'Solo', workflow_data: sampleWorkflow() });
        expect(solo.tenant_id).toBeNull();
      });

      it('refuses to update a workflow that does not exist', async () => {
        await expect(
          store.saveWorkflow({ workflow_id: 'nope', name: 'x', workflow_data: sampleWorkflow() }),
        ).rejects.toMatchObject({ code: 'NOT_FOUND' });
      });

      it('loads null for an unknown workflow and a copy the caller cannot change in place', async () => {
        expect(await store.loadWorkflow('missing')).toBeNull();
        const saved = await store.saveWorkflow({ name: 'Copy', workflow_data: sampleWorkflow() });
        const loaded = await store.loadWorkflow(saved.workflow_id);
        try {
          loaded!.workflow_data.nodes.length = 0;
        } catch {
          // A store may hand out frozen records: refusing the change is as good as ignoring it.
        }
        expect((await store.loadWorkflow(saved.workflow_id))!.workflow_data.nodes).toHaveLength(1);
      });

      it('lists workflows newest first, by owner, with paging and a total', async () => {
        const ids: string[] = [];
        for (const owner of ['u1', 'u2', 'u1']) {
          ids.push(
            (
              await store.saveWorkflow({
                name: `W ${owner}`,
                workflow_data: sampleWorkflow(),
                created_by: owner,
              })
            ).workflow_id,
          );
          await pause();
        }
        const all = await store.listWorkflows();
        expect(all.total).toBe(3);
        expect(all.workflows.map((w) => w.workflow_id)).toEqual([...ids].reverse());
        expect(all.workflows[0]).not.toHaveProperty('workflow_data');
        const mine = await store.listWorkflows({ created_by: 'u1' });
        expect(mine.workflows.map((w) => w.workflow_id)).toEqual([ids[2], ids[0]]);
        const page = await store.listWorkflows({ limit: 1, offset: 1 });
        expect(page).toMatchObject({ total: 3, workflows: [{ workflow_id: ids[1] }] });
      });

      it('deletes a workflow', async () => {
        const saved = await store.saveWorkflow({ name: 'Gone', workflow_data: sampleWorkflow() });
        expect(await store.deleteWorkflow(saved.workflow_id)).toBe(true);
        expect(await store.deleteWorkflow(saved.workflow_id)).toBe(false);
        expect(await store.loadWorkflow(saved.workflow_id)).toBeNull();
      });
    });

    describe('instances', () => {
      it('stores an instance and reads it back unchanged', async () => {
        const instance = sampleInstance('i1');
        expect(await store.createInstance(instance)).toEqual(instance);
        expect(await store.getInstance('i1')).toEqual(instance);
        expect(await store.getInstance('missing')).toBeNull();
      });

      it('stores the tenant of an instance', async () => {
        const instance = sampleInstance('team', { created_by: 'u1', tenant_id: 't1' });
        await store.createInstance(instance);
        expect(await store.getInstance('team')).toEqual(instance);
        const updated = await store.updateInstance('team', { status: 'running' });
        expect(updated.tenant_id).toBe('t1');
      });

      it('refuses a second instance with the same id', async () => {
        await store.createInstance(sampleInstance('dup'));
        const error = await store.createInstance(sampleInstance('dup')).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(FlowloomError);
        expect(error).toMatchObject({ code: 'CONFLICT' });
      });

      it('lists instances newest first, filtered by status and owner, with paging', async () => {
        await store.createInstance(
          sampleInstance('a', {
            created_at: '2026-01-01T00:00:01.000Z',
            created_by: 'u1',
            status: 'completed',
          }),
        );
        await store.createInstance(
          sampleInstance('b', {
            created_at: '2026-01-01T00:00:02.000Z',
            created_by: 'u2',
            status: 'pending',
          }),
        );
        await store.createInstance(
          sampleInstance('c', {
            created_at: '2026-01-01T00:00:03.000Z',
            created_by: 'u1',
            status: 'pending',
          }),
        );
        const ids = (list: { instances: WorkflowInstance[] }) =>
          list.instances.map((i) => i.instance_id);
        expect(ids(await store.listInstances())).toEqual(['c', 'b', 'a']);
        expect(ids(await store.listInstances({ status: 'pending' }))).toEqual(['c', 'b']);
        expect(ids(await store.listInstances({ created_by: 'u1' }))).toEqual(['c', 'a']);
        expect(ids(await store.listInstances({ created_by: 'u1', status: 'pending' }))).toEqual([
          'c',
        ]);
        expect(await store.listInstances({ limit: 1, offset: 2 })).toMatchObject({
          total: 3,
          instances: [{ instance_id: 'a' }],
        });
      });

      it('updates an instance and stamps updated_at', async () => {
        const instance = await store.createInstance(sampleInstance('u'));
        await pause();
        const error = { code: 'STEP_FAILED', message: 'boom', step_id: 's1' };
        const updated = await store.updateInstance('u', {
          status: 'failed',
          error,
          finished_at: '2026-01-01T00:00:09.000Z',
          input_data: { a: 1 },
        });
        expect(updated).toMatchObject({
          status: 'failed',
          error,
          input_data: { a: 1 },
          name: instance.name,
        });
        expect(updated.updated_at > instance.updated_at).toBe(true);
        expect(await store.getInstance('u')).toEqual(updated);
      });

      it('keeps a field the patch leaves undefined', async () => {
        await store.createInstance(
          sampleInstance('keep', { error: { code: 'X', message: 'kept' } }),
        );
        const updated = await store.updateInstance('keep', { status: 'running', error: undefined });
        expect(updated).toMatchObject({ status: 'running', error: { code: 'X', message: 'kept' } });
      });

      it('refuses to update an unknown instance', async () => {
        await expect(store.updateInstance('ghost', { status: 'running' })).rejects.toMatchObject({
          code: 'NOT_FOUND',
        });
      });
    });

    describe('events and logs', () => {
      it('keeps events in seq order and lists those after a seq', async () => {
        await store.createInstance(sampleInstance('e'));
        expect(await store.lastEventSeq('e')).toBe(0);
        await store.appendEvents([sampleEvent('e', 1), sampleEvent('e', 2)]);
        await store.appendEvents([sampleEvent('e', 3)]);
        expect((await store.listEvents('e')).map((event) => event.seq)).toEqual([1, 2, 3]);
        expect((await store.listEvents('e', { afterSeq: 1 })).map((event) => event.seq)).toEqual([
          2, 3,
        ]);
        expect(
          (await store.listEvents('e', { afterSeq: 1, limit: 1 })).map((event) => event.seq),
        ).toEqual([2]);
        expect(await store.lastEventSeq('e')).toBe(3);
        expect(await store.listEvents('e')).toEqual([
          sampleEvent('e', 1),
          sampleEvent('e', 2),
          sampleEvent('e', 3),
        ]);
      });

      it('stores events that belong to no step without a step_id', async () => {
        await store.createInstance(sampleInstance('run'));
        const started: ExecutionEvent = {
          seq: 1,
          event_type: 'execution_started',
          instance_id: 'run',
          timestamp: '2026-01-01T00:00:00.000Z',
          data: { input_data: { a: [1, 'two', null] }, variables: {}, total_steps: 2 },
        };
        await store.appendEvents([started]);
        const [stored] = await store.listEvents('run');
        expect(stored).toEqual(started);
        expect(stored).not.toHaveProperty('step_id');
      });

      it('keeps each instance’s events apart', async () => {
        await store.createInstance(sampleInstance('x'));
        await store.createInstance(sampleInstance('y'));
        await store.appendEvents([sampleEvent('x', 1), sampleEvent('y', 1), sampleEvent('x', 2)]);
        expect((await store.listEvents('x')).map((event) => event.seq)).toEqual([1, 2]);
        expect((await store.listEvents('y')).map((event) => event.instance_id)).toEqual(['y']);
      });

      it('refuses an event whose seq is already stored', async () => {
        await store.createInstance(sampleInstance('d'));
        await store.appendEvents([sampleEvent('d', 1)]);
        await expect(store.appendEvents([sampleEvent('d', 1)])).rejects.toMatchObject({
          code: 'CONFLICT',
        });
        expect(await store.listEvents('d')).toHaveLength(1);
      });

      it('lists log entries after a seq, in order', async () => {
        await store.createInstance(sampleInstance('l'));
        const logs: LogEntry[] = [
          {
            instance_id: 'l',
            seq: 2,
            step_id: 's1',
            level: 'info',
            message: 'first',
            timestamp: '2026-01-01T00:00:00.000Z',
          },
          {
            instance_id: 'l',
            seq: 5,
            step_id: null,
            level: 'error',
            message: 'second',
            data: { detail: [1, 2] },
            timestamp: '2026-01-01T00:00:01.000Z',
          },
        ];
        await store.appendLogs(logs);
        expect(await store.listLogs('l')).toEqual(logs);
        expect(await store.listLogs('l', { since: 2 })).toEqual([logs[1]]);
        expect(await store.listLogs('other')).toEqual([]);
      });

      it('drops the log entries before a seq, keeping the one it is told to keep', async () => {
        await store.createInstance(sampleInstance('t'));
        await store.createInstance(sampleInstance('u'));
        const line = (instance_id: string, seq: number): LogEntry => ({
          instance_id,
          seq,
          step_id: null,
          level: 'info',
          message: `line ${seq}`,
          timestamp: '2026-01-01T00:00:00.000Z',
        });
        await store.appendLogs([1, 2, 3, 4, 5, 6].map((seq) => line('t', seq)));
        await store.appendLogs([1, 2].map((seq) => line('u', seq)));
        await store.trimLogs('t', 5, 2);
        expect((await store.listLogs('t')).map((entry) => entry.seq)).toEqual([2, 5, 6]);
        await store.trimLogs('t', 6);
        expect((await store.listLogs('t')).map((entry) => entry.seq)).toEqual([6]);
        // Another instance's log is left alone.
        expect((await store.listLogs('u')).map((entry) => entry.seq)).toEqual([1, 2]);
      });
    });

    it('stores quotes, SQL fragments and unicode intact', async () => {
      const hostile = `Robert'); DROP TABLE workflow_instances;-- "quoted" \\ % _ 🙂`;
      const saved = await store.saveWorkflow({
        name: hostile,
        workflow_data: sampleWorkflow(hostile),
      });
      expect((await store.loadWorkflow(saved.workflow_id))?.name).toBe(hostile);
      expect((await store.loadWorkflow(saved.workflow_id))?.workflow_data.nodes[0]?.id).toBe(
        hostile,
      );
      const instance = sampleInstance(hostile, {
        name: hostile,
        created_by: hostile,
        input_data: { [hostile]: hostile },
      });
      await store.createInstance(instance);
      expect(await store.getInstance(hostile)).toEqual(instance);
      expect((await store.listInstances({ created_by: hostile })).total).toBe(1);
      await store.appendEvents([sampleEvent(hostile, 1, hostile)]);
      expect((await store.listEvents(hostile))[0]).toEqual(sampleEvent(hostile, 1, hostile));
    });

    const current = () => store;
    describeListAccessContract(current);
    describeCredentialStoreContract(current);
    describeNulStringContract(current);
    describeWorkflowVersionsContract(current);
    describeInstanceSummaryContract(current);
    describeInstanceDeletionContract(current);
    describeWaitStoreContract(current);
    describeRunTreeContract(current);
    describeActivationContract(current);
    describeAuditLogContract(current);
    describeLeaseStoreContract(current);
  });
}
