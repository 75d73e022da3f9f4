import { describe, expect, it } from 'vitest';
import type { StoredInstanceSummary } from '../schema/instanceSummary';
import type { WorkflowInstance } from '../schema/workflowInstance';
import { sampleInstance, sampleWorkflow } from './contractSamples';
import type { ListInstanceSummariesOptions, WorkflowStore } from './WorkflowStore';

/** `2026-01-01T00:00:SS.000Z` for a second of the first minute. */
const at = (second: number) => `2026-01-01T00:00:${String(second).padStart(2, '0')}.000Z`;

/** The ids of a page, in order. */
const ids = (page: { instances: StoredInstanceSummary[] }) =>
  page.instances.map((instance) => instance.instance_id);

/** A summary's fields, the tenant the access rule reads included. */
const SUMMARY_KEYS = [
  'created_at',
  'created_by',
  'duration_ms',
  'error',
  'finished_at',
  'instance_id',
  'name',
  'parent_instance_id',
  'progress',
  'started_at',
  'status',
  'tenant_id',
  'trigger',
  'workflow_id',
  'workflow_version',
];

/**
 * The run-history part of `describeWorkflowStoreContract`: `listInstanceSummaries` filters in
 * the store, pages by offset or cursor without duplicates or gaps, and never reads documents.
 */
export function describeInstanceSummaryContract(store: () => WorkflowStore): void {
  describe('instance summaries', () => {
    /** Stores a varied history: two workflows, statuses, triggers, a child run, two owners. */
    async function history(): Promise<void> {
      const runs: Array<Partial<WorkflowInstance> & { id: string }> = [
        { id: 'a1', workflow_id: 'wa', status: 'completed', created_by: 'u1' },
        { id: 'a2', workflow_id: 'wa', status: 'failed', created_by: 'u1' },
        { id: 'b1', workflow_id: 'wb', status: 'running', created_by: 'u2', tenant_id: 't1' },
        {
          id: 'a3',
          workflow_id: 'wa',
          status: 'completed',
          created_by: 'u2',
          trigger: { type: 'schedule', step_id: 'cron' },
        },
        { id: 'doc', status: 'pending', created_by: 'u1' },
        {
          id: 'child',
          workflow_id: 'wb',
          status: 'cancelled',
          created_by: 'u1',
          parent_instance_id: 'a3',
          parent_step_id: 'call',
          trigger: { type: 'webhook', step_id: 'hook' },
        },
      ];
      for (const [index, { id, ...fields }] of runs.entries()) {
        await store().createInstance(sampleInstance(id, { created_at: at(index + 1), ...fields }));
      }
    }

    it('lists summaries without documents, inputs or outputs', async () => {
      await store().createInstance(
        sampleInstance('full', {
          workflow_id: 'wf',
          workflow_version: 4,
          status: 'failed',
          input_data: { secret: 'input' },
          created_by: 'u1',
          tenant_id: 't1',
          started_at: '2026-01-01T00:00:01.000Z',
          finished_at: '2026-01-01T00:00:03.500Z',
          error: { code: 'STEP_FAILED', message: 'boom', step_id: 's' },
          progress: { completed: 2, total: 5 },
        }),
      );
      const page = await store().listInstanceSummaries();
      expect(page).toEqual({
        instances: [
          {
            instance_id: 'full',
            name: 'Instance full',
            status: 'failed',
            workflow_id: 'wf',
            workflow_version: 4,
            created_by: 'u1',
            tenant_id: 't1',
            created_at: '2026-01-01T00:00:00.000Z',
            started_at: '2026-01-01T00:00:01.000Z',
            finished_at: '2026-01-01T00:00:03.500Z',
            duration_ms: 2500,
            progress: { completed: 2, total: 5 },
            error: { code: 'STEP_FAILED', message: 'boom', step_id: 's' },
            trigger: null,
            parent_instance_id: null,
          },
        ],
        total: 1,
        next_cursor: null,
      });
      expect(Object.keys(page.instances[0]!).sort()).toEqual(SUMMARY_KEYS);
    });

    it('gives a summary without a finished run no duration and no progress', async () => {
      await store().createInstance(sampleInstance('new', { started_at: at(1) }));
      const [summary] = (await store().listInstanceSummaries()).instances;
      expect(summary).toMatchObject({ duration_ms: null, progress: null, workflow_version: null });
    });

    it('filters by workflow, statuses, trigger type and parent run, with totals', async () => {
      await history();
      const list = (options: ListInstanceSummariesOptions) =>
        store().listInstanceSummaries(options);
      expect(ids(await list({}))).toEqual(['child', 'doc', 'a3', 'b1', 'a2', 'a1']);
      expect(await list({ workflow_id: 'wa' })).toMatchObject({ total: 3 });
      expect(ids(await list({ workflow_id: 'wa' }))).toEqual(['a3', 'a2', 'a1']);
      expect(ids(await list({ statuses: ['completed', 'failed'] }))).toEqual(['a3', 'a2', 'a1']);
      expect(ids(await list({ statuses: ['completed'], workflow_id: 'wa' }))).toEqual(['a3', 'a1']);
      expect(ids(await list({ statuses: [] }))).toHaveLength(6);
      expect(ids(await list({ trigger_type: 'schedule' }))).toEqual(['a3']);
      expect(ids(await list({ parent_instance_id: 'a3' }))).toEqual(['child']);
      expect(await list({ workflow_id: 'nope' })).toEqual({
        instances: [],
        total: 0,
        next_cursor: null,
      });
    });

    it('says what started each run: its trigger, the run whose step started it, or neither', async () => {
      await history();
      const started = (await store().listInstanceSummaries()).instances.map(
        ({ instance_id, trigger, parent_instance_id }) => ({
          instance_id,
          trigger,
          parent_instance_id,
        }),
      );
      expect(started).toEqual([
        {
          instance_id: 'child',
          trigger: { type: 'webhook', step_id: 'hook' },
          parent_instance_id: 'a3',
        },
        { instance_id: 'doc', trigger: null, parent_instance_id: null },
        {
          instance_id: 'a3',
          trigger: { type: 'schedule', step_id: 'cron' },
          parent_instance_id: null,
        },
        { instance_id: 'b1', trigger: null, parent_instance_id: null },
        { instance_id: 'a2', trigger: null, parent_instance_id: null },
        { instance_id: 'a1', trigger: null, parent_instance_id: null },
      ]);
    });

    it('filters by creation time, both bounds exclusive', async () => {
      await history();
      const list = (options: ListInstanceSummariesOptions) =>
        store().listInstanceSummaries(options);
      expect(ids(await list({ created_after: at(4) }))).toEqual(['child', 'doc']);
      expect(ids(await list({ created_before: at(3) }))).toEqual(['a2', 'a1']);
      expect(ids(await list({ created_after: at(1), created_before: at(4) }))).toEqual([
        'b1',
        'a2',
      ]);
    });

    it('filters by access and owner in the query, totals included', async () => {
      await history();
      const access = { user_id: 'u2', tenant_id: 't1' };
      const page = await store().listInstanceSummaries({ access, limit: 1 });
      expect(page.total).toBe(2);
      expect(ids(page)).toEqual(['a3']);
      expect(ids(await store().listInstanceSummaries({ access, statuses: ['running'] }))).toEqual([
        'b1',
      ]);
      expect(
        ids(await store().listInstanceSummaries({ created_by: 'u1', workflow_id: 'wb' })),
      ).toEqual(['child']);
      expect(await store().listInstanceSummaries({ access: { user_id: 'u9' } })).toMatchObject({
        total: 0,
        instances: [],
      });
    });

    it('pages by offset, with a cursor to go on from', async () => {
      await history();
      const first = await store().listInstanceSummaries({ limit: 2, offset: 1 });
      expect(ids(first)).toEqual(['doc', 'a3']);
      expect(first.total).toBe(6);
      const next = await store().listInstanceSummaries({ limit: 10, cursor: first.next_cursor! });
      expect(ids(next)).toEqual(['b1', 'a2', 'a1']);
      expect(next.next_cursor).toBeNull();
      expect(next.total).toBe(6);
    });

    it('pages by cursor without duplicates or gaps while instances are created between pages', async () => {
      // Ties on created_at included: three instances share each second.
      const original: string[] = [];
      for (let index = 0; index < 30; index += 1) {
        const id = `i${String(index).padStart(2, '0')}`;
        original.push(id);
        await store().createInstance(
          sampleInstance(id, { created_at: at(Math.floor(index / 3)), workflow_id: 'w' }),
        );
      }
      const seen: string[] = [];
      let cursor: string | undefined;
      for (let page = 0; page < 20; page += 1) {
        const listed = await store().listInstanceSummaries({ workflow_id: 'w', limit: 4, cursor });
        seen.push(...ids(listed));
        // A newer run arrives between pages.
        await store().createInstance(
          sampleInstance(`new${page}`, { created_at: at(50 + page), workflow_id: 'w' }),
        );
        if (listed.next_cursor === null) break;
        cursor = listed.next_cursor;
      }
      expect(seen).toEqual([...original].reverse());
    });

    it('ends with a null cursor when the last page is full', async () => {
      for (const id of ['x', 'y']) await store().createInstance(sampleInstance(id));
      const page = await store().listInstanceSummaries({ limit: 2 });
      expect(page.instances).toHaveLength(2);
      expect(page.next_cursor).toBeNull();
    });

    it('refuses a cursor it did not make', async () => {
      for (const cursor of ['not a cursor', 'e30', '']) {
        await expect(store().listInstanceSummaries({ cursor })).rejects.toMatchObject({
          code: 'VALIDATION_FAILED',
        });
      }
    });

    it('stores and reads back the run-history fields of an instance', async () => {
      const instance = sampleInstance('fields', {
        workflow_id: 'wf',
        workflow_version: 7,
        trigger: { type: 'webhook', step_id: 'hook' },
        parent_instance_id: 'parent',
        parent_step_id: 'call',
      });
      await store().createInstance(instance);
      expect(await store().getInstance('fields')).toEqual(instance);
      const updated = await store().updateInstance('fields', {
        status: 'completed',
        progress: { completed: 3, total: 3 },
      });
      expect(updated).toMatchObject({ progress: { completed: 3, total: 3 }, workflow_version: 7 });
      expect(await store().getInstance('fields')).toEqual(updated);
    });

    // 200 runs of 256 KB documents: a list that read them would answer over 50 MB. (The whole
    // 200 × 1 MB of the report costs every store 200 MB of writes per test run for no more proof.)
    it('lists 200 runs of large documents in a small answer', { timeout: 60_000 }, async () => {
      const big = sampleWorkflow();
      big.nodes[0]!.data.parameters = { note: 'x'.repeat(256 * 1024) };
      for (let index = 0; index < 200; index += 1) {
        await store().createInstance(
          sampleInstance(`big${String(index).padStart(3, '0')}`, {
            workflow_data: big,
            input_data: { blob: 'y'.repeat(1000) },
            created_at: at(index % 60),
          }),
        );
      }
      const page = await store().listInstanceSummaries({ limit: 200 });
      expect(page.total).toBe(200);
      expect(new Set(ids(page)).size).toBe(200);
      expect(JSON.stringify(page).length).toBeLessThan(100_000);
    });
  });
}
