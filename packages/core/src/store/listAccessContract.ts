import { describe, expect, it } from 'vitest';
import { pause, sampleInstance, sampleWorkflow } from './contractSamples';
import type { WorkflowStore } from './WorkflowStore';

/** Owner and tenant of each record the tests store, in the order they are stored. */
const OWNERS = [
  ['u1', 't1'],
  ['u2', 't1'],
  ['u3', 't2'],
  ['u2', null],
  [null, null],
  [null, 't1'],
] as const;

/**
 * The contract of `ListOptions.access` ("records this user may reach"), part of
 * `describeWorkflowStoreContract`: the filter is applied in the query, so pages and totals agree.
 */
export function describeListAccessContract(store: () => WorkflowStore): void {
  describe('lists by access (teams)', () => {
    /** Saves a workflow per owner, oldest first; returns their ids in that order. */
    async function saveWorkflows(): Promise<string[]> {
      const ids: string[] = [];
      for (const [created_by, tenant_id] of OWNERS) {
        const saved = await store().saveWorkflow({
          name: `W ${created_by} ${tenant_id}`,
          workflow_data: sampleWorkflow(),
          created_by,
          tenant_id,
        });
        ids.push(saved.workflow_id);
        await pause();
      }
      return ids;
    }

    /** Stores an instance per owner, `i0` oldest; statuses alternate pending / completed. */
    async function createInstances(): Promise<void> {
      for (const [index, [created_by, tenant_id]] of OWNERS.entries()) {
        await store().createInstance(
          sampleInstance(`i${index}`, {
            created_by,
            tenant_id,
            status: index % 2 === 0 ? 'pending' : 'completed',
            created_at: `2026-01-01T00:00:0${index}.000Z`,
          }),
        );
      }
    }

    it("lists the workflows a user created or their tenant's, newest first", async () => {
      const [w0, w1, , w3, , w5] = await saveWorkflows();
      const listed = await store().listWorkflows({ access: { user_id: 'u2', tenant_id: 't1' } });
      expect(listed.total).toBe(4);
      expect(listed.workflows.map((w) => w.workflow_id)).toEqual([w5, w3, w1, w0]);
    });

    it('pages a workflow list by access with the total of the whole list', async () => {
      const [, w1, , w3] = await saveWorkflows();
      const page = await store().listWorkflows({
        access: { user_id: 'u2', tenant_id: 't1' },
        limit: 2,
        offset: 1,
      });
      expect(page.total).toBe(4);
      expect(page.workflows.map((w) => w.workflow_id)).toEqual([w3, w1]);
    });

    it('lists only their own workflows for a user without a tenant', async () => {
      const [, w1, , w3] = await saveWorkflows();
      for (const access of [{ user_id: 'u2' }, { user_id: 'u2', tenant_id: null }]) {
        const listed = await store().listWorkflows({ access });
        expect(listed.total).toBe(2);
        expect(listed.workflows.map((w) => w.workflow_id)).toEqual([w3, w1]);
      }
    });

    it("never lists another tenant's records, even to a user of the same id", async () => {
      // User ids are often unique only within a tenant: u3 of t1 is not u3 of t2.
      const [w0, w1, w2, , , w5] = await saveWorkflows();
      const listed = await store().listWorkflows({ access: { user_id: 'u3', tenant_id: 't1' } });
      expect(listed.workflows.map((w) => w.workflow_id)).toEqual([w5, w1, w0]);
      expect(listed.workflows.map((w) => w.workflow_id)).not.toContain(w2);
    });

    it('lists nothing of another tenant and nothing without an owner', async () => {
      const [, , w2] = await saveWorkflows();
      const other = await store().listWorkflows({ access: { user_id: 'u3', tenant_id: 't2' } });
      expect(other.workflows.map((w) => w.workflow_id)).toEqual([w2]);
      expect(await store().listWorkflows({ access: { user_id: 'u9', tenant_id: 't9' } })).toEqual({
        workflows: [],
        total: 0,
      });
    });

    it("lists the instances a user created or their tenant's, with status and paging", async () => {
      await createInstances();
      const access = { user_id: 'u2', tenant_id: 't1' };
      const ids = (list: { instances: Array<{ instance_id: string }> }) =>
        list.instances.map((instance) => instance.instance_id);
      const all = await store().listInstances({ access });
      expect(all.total).toBe(4);
      expect(ids(all)).toEqual(['i5', 'i3', 'i1', 'i0']);
      const completed = await store().listInstances({ access, status: 'completed' });
      expect(completed.total).toBe(3);
      expect(ids(completed)).toEqual(['i5', 'i3', 'i1']);
      const page = await store().listInstances({ access, limit: 2, offset: 1 });
      expect(page.total).toBe(4);
      expect(ids(page)).toEqual(['i3', 'i1']);
      const byOwnerToo = await store().listInstances({ access, created_by: 'u1' });
      expect(ids(byOwnerToo)).toEqual(['i0']);
      const alone = await store().listInstances({ access: { user_id: 'u2' } });
      expect(ids(alone)).toEqual(['i3', 'i1']);
    });
  });
}
