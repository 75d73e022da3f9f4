import { describe, expect, it } from 'vitest';
import type { LogEntry } from '../schema/logEntry';
import type { InstanceStatus } from '../schema/status';
import { sampleEvent, sampleInstance } from './contractSamples';
import type { WorkflowStore } from './WorkflowStore';

/** A log line of an instance. */
function logLine(instanceId: string, seq: number): LogEntry {
  return {
    instance_id: instanceId,
    seq,
    step_id: null,
    level: 'info',
    message: `line ${seq}`,
    timestamp: '2026-01-01T00:00:00.000Z',
  };
}

/** The statuses a run may be deleted in: never started, or finished. */
const DELETABLE: InstanceStatus[] = ['pending', 'completed', 'failed', 'cancelled'];

/**
 * The deletion part of `describeWorkflowStoreContract`: `deleteInstance` removes an instance
 * with its events and logs (refusing a status it is not given), and `pruneInstances` deletes
 * finished runs past an age or a count per workflow, in batches.
 */
export function describeInstanceDeletionContract(store: () => WorkflowStore): void {
  describe('deleting instances', () => {
    /** Stores an instance with two events and a log line. */
    async function withJournal(id: string, status: InstanceStatus = 'completed'): Promise<void> {
      await store().createInstance(sampleInstance(id, { status }));
      await store().appendEvents([sampleEvent(id, 1), sampleEvent(id, 2)]);
      await store().appendLogs([logLine(id, 1)]);
    }

    it('deletes an instance with its events and logs, and leaves the others', async () => {
      await withJournal('gone');
      await withJournal('kept');
      expect(await store().deleteInstance('gone')).toBe(true);
      expect(await store().getInstance('gone')).toBeNull();
      expect(await store().listEvents('gone')).toEqual([]);
      expect(await store().lastEventSeq('gone')).toBe(0);
      expect(await store().listLogs('gone')).toEqual([]);
      expect(await store().listEvents('kept')).toHaveLength(2);
      expect(await store().listLogs('kept')).toHaveLength(1);
      expect((await store().listInstanceSummaries()).total).toBe(1);
    });

    it('answers false for an instance that does not exist', async () => {
      expect(await store().deleteInstance('ghost')).toBe(false);
      expect(await store().deleteInstance('ghost', { statuses: DELETABLE })).toBe(false);
    });

    it('deletes only in the statuses it is given, refusing others with CONFLICT', async () => {
      await withJournal('busy', 'running');
      await withJournal('done', 'failed');
      await expect(store().deleteInstance('busy', { statuses: DELETABLE })).rejects.toMatchObject({
        code: 'CONFLICT',
      });
      expect(await store().getInstance('busy')).toMatchObject({ status: 'running' });
      expect(await store().listEvents('busy')).toHaveLength(2);
      expect(await store().deleteInstance('done', { statuses: DELETABLE })).toBe(true);
    });
  });

  describe('pruning finished runs', () => {
    /** A run of workflow `w`: finished at second `second` unless its status is not final. */
    async function run(id: string, second: number, status: InstanceStatus, workflowId = 'w') {
      const time = `2026-01-01T00:00:${String(second).padStart(2, '0')}.000Z`;
      await store().createInstance(
        sampleInstance(id, {
          status,
          workflow_id: workflowId,
          created_at: time,
          started_at: time,
          finished_at: status === 'running' || status === 'pending' ? null : time,
        }),
      );
      await store().appendEvents([sampleEvent(id, 1)]);
      await store().appendLogs([logLine(id, 1)]);
    }

    const remaining = async () =>
      (await store().listInstanceSummaries({ limit: 100 })).instances
        .map((instance) => instance.instance_id)
        .sort();

    it('deletes finished runs that finished before a time, with their events and logs', async () => {
      await run('old-done', 1, 'completed');
      await run('old-failed', 2, 'failed');
      await run('old-cancelled', 3, 'cancelled');
      await run('old-running', 4, 'running');
      await run('old-pending', 5, 'pending');
      await run('new-done', 20, 'completed');
      const deleted = await store().pruneInstances({
        finishedBefore: '2026-01-01T00:00:10.000Z',
        limit: 500,
      });
      expect(deleted).toBe(3);
      expect(await remaining()).toEqual(['new-done', 'old-pending', 'old-running']);
      expect(await store().listEvents('old-done')).toEqual([]);
      expect(await store().listLogs('old-failed')).toEqual([]);
      expect(await store().listEvents('new-done')).toHaveLength(1);
    });

    it("keeps each workflow's newest finished runs and deletes the rest", async () => {
      for (let second = 1; second <= 5; second += 1) await run(`a${second}`, second, 'completed');
      await run('a-running', 0, 'running');
      await run('b1', 1, 'failed', 'b');
      await run('b2', 2, 'completed', 'b');
      await store().createInstance(sampleInstance('doc', { status: 'completed' }));
      const deleted = await store().pruneInstances({ keepPerWorkflow: 2, limit: 500 });
      expect(deleted).toBe(3);
      expect(await remaining()).toEqual(['a-running', 'a4', 'a5', 'b1', 'b2', 'doc']);
    });

    it('deletes runs past either bound at once', async () => {
      for (let second = 1; second <= 4; second += 1) await run(`a${second}`, second, 'completed');
      await run('b1', 1, 'completed', 'b');
      const deleted = await store().pruneInstances({
        keepPerWorkflow: 3,
        finishedBefore: '2026-01-01T00:00:01.500Z',
        limit: 500,
      });
      expect(deleted).toBe(2);
      expect(await remaining()).toEqual(['a2', 'a3', 'a4']);
    });

    it('deletes at most `limit` runs a call, so batches add up to the whole', async () => {
      for (let second = 1; second <= 7; second += 1) await run(`r${second}`, second, 'completed');
      const options = { finishedBefore: '2026-01-01T00:01:00.000Z', limit: 3 };
      expect(await store().pruneInstances(options)).toBe(3);
      expect(await store().pruneInstances(options)).toBe(3);
      expect(await store().pruneInstances(options)).toBe(1);
      expect(await store().pruneInstances(options)).toBe(0);
      expect(await remaining()).toEqual([]);
    });

    it('deletes nothing without a bound', async () => {
      await run('done', 1, 'completed');
      expect(await store().pruneInstances({ limit: 500 })).toBe(0);
      expect(await remaining()).toEqual(['done']);
    });

    /** A finished child run of `parent`, of workflow `c`, at second `second`. */
    async function child(id: string, second: number, parent: string) {
      const time = `2026-01-01T00:00:${String(second).padStart(2, '0')}.000Z`;
      await store().createInstance(
        sampleInstance(id, {
          status: 'completed',
          workflow_id: 'c',
          parent_instance_id: parent,
          parent_step_id: 'sub',
          created_at: time,
          started_at: time,
          finished_at: time,
        }),
      );
    }

    it.each([
      ['an age', { finishedBefore: '2026-01-01T00:01:00.000Z' }],
      ['a count per workflow', { keepPerWorkflow: 0 }],
      ['a count for one workflow', { keepPerWorkflow: 0, workflowId: 'c' }],
    ])('never deletes, by %s, a finished run whose parent is not finished', async (_, bound) => {
      for (const [second, status] of [
        [1, 'running'],
        [2, 'waiting'],
        [3, 'interrupted'],
        [4, 'pending'],
      ] as const) {
        await run(`parent-${status}`, second, status, 'p');
        await child(`child-of-${status}`, 10 + second, `parent-${status}`);
      }
      await run('parent-done', 5, 'completed', 'p');
      await child('child-of-done', 15, 'parent-done');
      await child('child-of-gone', 16, 'deleted-long-ago');
      await store().pruneInstances({ ...bound, limit: 500 });
      const left = await remaining();
      for (const status of ['running', 'waiting', 'interrupted', 'pending']) {
        expect(left).toContain(`child-of-${status}`);
      }
      expect(left).not.toContain('child-of-done');
      expect(left).not.toContain('child-of-gone');
    });

    it('deletes the child once its parent has finished', async () => {
      await run('parent', 1, 'running', 'p');
      await child('kid', 2, 'parent');
      const options = { keepPerWorkflow: 0, workflowId: 'c', limit: 500 };
      expect(await store().pruneInstances(options)).toBe(0);
      await store().updateInstance('parent', { status: 'completed' });
      expect(await store().pruneInstances(options)).toBe(1);
      expect(await store().getInstance('kid')).toBeNull();
    });

    it("with workflowId, keeps that workflow's newest finished runs and touches no other", async () => {
      for (let second = 1; second <= 5; second += 1) {
        await run(`a${second}`, second, second % 2 === 0 ? 'failed' : 'completed');
      }
      await run('a-cancelled', 6, 'cancelled');
      await run('a-running', 0, 'running');
      for (let second = 1; second <= 3; second += 1)
        await run(`b${second}`, second, 'completed', 'b');
      const deleted = await store().pruneInstances({
        keepPerWorkflow: 3,
        workflowId: 'w',
        limit: 500,
      });
      expect(deleted).toBe(3);
      expect(await remaining()).toEqual(['a-cancelled', 'a-running', 'a4', 'a5', 'b1', 'b2', 'b3']);
    });

    it('with workflowId, breaks a created_at tie by instance_id, in batches of `limit`', async () => {
      for (const id of ['t1', 't2', 't3', 't4', 't5']) await run(id, 7, 'completed');
      const options = { keepPerWorkflow: 2, workflowId: 'w', limit: 2 };
      expect(await store().pruneInstances(options)).toBe(2);
      expect(await store().pruneInstances(options)).toBe(1);
      expect(await store().pruneInstances(options)).toBe(0);
      expect(await remaining()).toEqual(['t4', 't5']);
    });

    it('with workflowId and an age, deletes that workflow’s runs past either bound', async () => {
      for (let second = 1; second <= 4; second += 1) await run(`a${second}`, second, 'completed');
      await run('b1', 1, 'completed', 'b');
      const deleted = await store().pruneInstances({
        keepPerWorkflow: 3,
        finishedBefore: '2026-01-01T00:00:02.500Z',
        workflowId: 'w',
        limit: 500,
      });
      expect(deleted).toBe(2);
      expect(await remaining()).toEqual(['a3', 'a4', 'b1']);
    });
  });

  describe('listing the workflows that have runs', () => {
    it('lists each workflow id of a stored run once, in order, after a cursor, at most limit', async () => {
      const runOf = (id: string, workflowId: string | null) =>
        store().createInstance(sampleInstance(id, { workflow_id: workflowId }));
      await runOf('r1', 'wf_b');
      await runOf('r2', 'wf_a');
      await runOf('r3', 'wf_b');
      await runOf('r4', 'wf_c');
      await runOf('r5', null);
      expect(await store().listRunWorkflowIds({ limit: 10 })).toEqual(['wf_a', 'wf_b', 'wf_c']);
      expect(await store().listRunWorkflowIds({ limit: 2 })).toEqual(['wf_a', 'wf_b']);
      expect(await store().listRunWorkflowIds({ after: 'wf_a', limit: 10 })).toEqual([
        'wf_b',
        'wf_c',
      ]);
      expect(await store().listRunWorkflowIds({ after: 'wf_c', limit: 10 })).toEqual([]);
    });
  });
}
