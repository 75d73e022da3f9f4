import { describe, expect, it } from 'vitest';
import type { WorkflowInstance } from '../schema/workflowInstance';
import { MemoryStore } from '../store/MemoryStore';
import type { InstancePatch } from '../store/WorkflowStore';
import { chain, createControlFlowKit, edge, node } from './controlFlowKit.test-helpers';

/** A child that waits for a resume request; its output is the request's data. */
const approvalChild = () => chain(node('approve', 'wait', { mode: 'resume' }));
/** A child for `for_each`: its output is `{ value: item }`. */
const itemChild = () => chain(node('probe', 'probe', { value: '{{ input.item }}' }));

/** `manual_trigger` → `step`, whose error branch leads to a `log` step (so its failure output is kept). */
function withErrorBranch(step: ReturnType<typeof node>) {
  return {
    nodes: [node('start', 'manual_trigger'), step, node('handled', 'log', { message: 'failed' })],
    edges: [edge('start', step.id), edge(step.id, 'handled', 'error')],
  };
}

async function childrenOf(kit: ReturnType<typeof createControlFlowKit>, parentId: string) {
  return (await kit.store.listInstanceSummaries({ parent_instance_id: parentId, limit: 500 }))
    .instances;
}

describe('a child start refused while the engine closes', () => {
  it('leaves a for_each parent interrupted (resumable), not failed', async () => {
    const kit = createControlFlowKit();
    const childId = await kit.save('Slow', chain(node('hold', 'hold')));
    const { id, done } = await kit.start(
      chain(node('each', 'for_each', { items: [1, 2], workflow_id: childId })),
    );
    await expect.poll(async () => (await childrenOf(kit, id)).length).toBe(1);
    const first = (await childrenOf(kit, id))[0]!.instance_id;
    await expect.poll(() => kit.engine.isRunning(first)).toBe(true);
    await kit.holding();
    const closing = kit.engine.close({ graceMs: 5_000 });
    // Item 0 finishes: item 1's child is refused SHUTTING_DOWN as it starts.
    kit.release();
    await closing;
    expect((await done).status).toBe('interrupted');
    expect((await kit.store.getInstance(id))?.status).toBe('interrupted');
  });

  it('leaves a sub_workflow parent interrupted when its child is interrupted under it, and both resume', async () => {
    const kit = createControlFlowKit();
    const childId = await kit.save(
      'Two steps',
      chain(node('hold', 'hold'), node('after', 'log', { message: 'after' })),
    );
    const { id, done } = await kit.start(
      chain(node('sub', 'sub_workflow', { workflow_id: childId })),
    );
    await expect.poll(async () => (await childrenOf(kit, id)).length).toBe(1);
    const child = (await childrenOf(kit, id))[0]!.instance_id;
    await expect.poll(() => kit.engine.isRunning(child)).toBe(true);
    await kit.holding();
    const closing = kit.engine.close({ graceMs: 5_000 });
    // Once the runs drain, the child's step ends; its next step may not start: it is interrupted.
    await new Promise((resolve) => setTimeout(resolve, 20));
    kit.release();
    await closing;
    expect((await kit.store.getInstance(child))?.status).toBe('interrupted');
    expect((await done).status).toBe('interrupted');

    const next = createControlFlowKit({ store: kit.store });
    const resumed = await (await next.engine.resumeWorkflow(id)).done;
    expect(resumed.status).toBe('completed');
    expect((await kit.store.getInstance(child))?.status).toBe('completed');
    expect((await childrenOf(next, id)).length).toBe(1);
  });
});

describe('a child refused TOO_MANY_RUNS', () => {
  it('is tried again once a run slot frees, instead of failing its parent', async () => {
    const kit = createControlFlowKit({ limits: { maxConcurrentRuns: 2 } });
    const childId = await kit.save('Item', itemChild());
    const blocker = await kit.start(chain(node('hold', 'hold')));
    await expect.poll(() => kit.engine.isRunning(blocker.id)).toBe(true);
    const { id, done } = await kit.start(
      chain(node('sub', 'sub_workflow', { workflow_id: childId, input: { item: 7 } })),
    );
    // The child exists but can't start while both slots are taken.
    await expect.poll(async () => (await childrenOf(kit, id))[0]?.status).toBe('pending');
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(kit.engine.isRunning(id)).toBe(true);
    kit.release();
    const status = await done;
    expect(status.status).toBe('completed');
    expect(status.steps.sub?.output_data).toEqual({ value: 7 });
    await blocker.done;
  });
});

describe('a child missing when its parent wakes', () => {
  it('fails the sub_workflow step SUB_WORKFLOW_FAILED and starts no second child', async () => {
    const kit = createControlFlowKit();
    const childId = await kit.save('Approval', approvalChild());
    const { id, done } = await kit.start(
      chain(node('sub', 'sub_workflow', { workflow_id: childId })),
    );
    expect((await done).status).toBe('waiting');
    const [child] = await childrenOf(kit, id);
    await kit.store.deleteInstance(child!.instance_id);
    const status = await (await kit.engine.wakeWorkflow(id)).done;
    expect(status.status).toBe('failed');
    expect(status.error).toMatchObject({ code: 'SUB_WORKFLOW_FAILED', step_id: 'sub' });
    expect(status.error?.message).toMatch(/is missing/);
    expect(await childrenOf(kit, id)).toEqual([]);
  });

  it('fails the for_each step with the results so far, and recreates no item', async () => {
    const kit = createControlFlowKit();
    const childId = await kit.save('Approval', approvalChild());
    const { id, done } = await kit.start(
      withErrorBranch(
        node('each', 'for_each', { items: ['a', 'b', 'c'], workflow_id: childId, concurrency: 3 }),
      ),
    );
    expect((await done).status).toBe('waiting');
    const children = await childrenOf(kit, id);
    const byIndex = new Map<number, string>();
    for (const summary of children) {
      const child = await kit.store.getInstance(summary.instance_id);
      byIndex.set((child!.input_data as { index: number }).index, summary.instance_id);
    }
    await kit.store.deleteInstance(byIndex.get(1)!);
    // Item 0 ends: the parent wakes, finds item 1 gone.
    await (await kit.engine.resumeWait(byIndex.get(0)!, 'approve', { ok: 0 })).done;
    await expect.poll(async () => (await kit.store.getInstance(id))?.status).toBe('completed');
    const { steps } = await kit.engine.getStatus(id);
    expect(steps.each).toMatchObject({
      status: 'failed',
      error: { code: 'SUB_WORKFLOW_FAILED' },
      output_data: { results: [{ ok: 0 }, null, null] },
    });
    expect(steps.each?.error?.message).toMatch(/is missing/);
    expect((await childrenOf(kit, id)).length).toBe(2);
    await expect
      .poll(async () => (await kit.store.getInstance(byIndex.get(2)!))?.status)
      .toBe('cancelled');
  });
});

describe('for_each with waiting items', () => {
  it('counts waiting items against its concurrency, and ends with every result in order', async () => {
    const kit = createControlFlowKit();
    const childId = await kit.save('Approval', approvalChild());
    const { id, done } = await kit.start(
      chain(
        node('each', 'for_each', { items: [0, 1, 2, 3, 4], workflow_id: childId, concurrency: 2 }),
      ),
    );
    expect((await done).status).toBe('waiting');
    for (let round = 0; round < 5; round += 1) {
      const children = await childrenOf(kit, id);
      const unfinished = children.filter((child) => child.status !== 'completed');
      expect(unfinished.length).toBeLessThanOrEqual(2);
      const waiting = children.find((child) => child.status === 'waiting')!;
      const { index } = (await kit.store.getInstance(waiting.instance_id))!.input_data as {
        index: number;
      };
      await (await kit.engine.resumeWait(waiting.instance_id, 'approve', { index })).done;
      await expect
        .poll(async () => (await kit.store.getInstance(id))?.status)
        .toMatch(/waiting|completed/);
    }
    await expect.poll(async () => (await kit.store.getInstance(id))?.status).toBe('completed');
    expect((await kit.engine.getStatus(id)).steps.each?.output_data).toEqual({
      results: [0, 1, 2, 3, 4].map((index) => ({ index })),
      errors: [],
    });
  });

  it('reads its children in pages as it wakes, not each child on every wake', async () => {
    const reads = { instances: 0, journals: 0 };
    let children = new Set<string>();
    class CountingStore extends MemoryStore {
      override async getInstance(instanceId: string) {
        if (children.has(instanceId)) reads.instances += 1;
        return super.getInstance(instanceId);
      }
      override async listEvents(
        instanceId: string,
        options?: { afterSeq?: number; limit?: number },
      ) {
        if (children.has(instanceId)) reads.journals += 1;
        return super.listEvents(instanceId, options);
      }
    }
    const kit = createControlFlowKit({ store: new CountingStore() });
    const childId = await kit.save('Approval', approvalChild());
    const items = Array.from({ length: 30 }, (_, index) => index);
    const { id, done } = await kit.start(
      chain(node('each', 'for_each', { items, workflow_id: childId, concurrency: 30 })),
    );
    expect((await done).status).toBe('waiting');
    const ids = (await childrenOf(kit, id)).map((child) => child.instance_id);
    children = new Set(ids);
    for (const childRun of ids) {
      await (await kit.engine.resumeWait(childRun, 'approve', {})).done;
      await expect
        .poll(async () => (await kit.store.getInstance(id))?.status)
        .toMatch(/waiting|completed/);
    }
    await expect.poll(async () => (await kit.store.getInstance(id))?.status).toBe('completed');
    // Each resume reads its own child a few times; the parent's 30 wakes add one read per child
    // at the end. Reading every child on every wake would make it ~30² / 2.
    expect(reads.instances + reads.journals).toBeLessThan(30 * 10);
  });
});

describe('stopping a parent while its child starts', () => {
  it('stops the child once it runs: no child runs on without its parent', async () => {
    let opened: () => void = () => undefined;
    let reached = false;
    const gate = new Promise<void>((resolve) => {
      opened = resolve;
    });
    class GatedStore extends MemoryStore {
      override async updateInstance(instanceId: string, patch: InstancePatch) {
        const current = await super.getInstance(instanceId);
        if (current?.parent_instance_id && patch.status === 'running' && !reached) {
          reached = true;
          await gate;
        }
        return super.updateInstance(instanceId, patch);
      }
    }
    const kit = createControlFlowKit({ store: new GatedStore() });
    const childId = await kit.save('Slow', chain(node('hold', 'hold')));
    const { id, done } = await kit.start(
      chain(node('sub', 'sub_workflow', { workflow_id: childId })),
    );
    await expect.poll(() => reached).toBe(true);
    const [child] = await childrenOf(kit, id);
    await kit.engine.stopWorkflow(id);
    expect((await done).status).toBe('cancelled');
    opened();
    await expect
      .poll(async () => (await kit.store.getInstance(child!.instance_id))?.status, {
        timeout: 5_000,
      })
      .toBe('cancelled');
    expect(kit.engine.isRunning(child!.instance_id)).toBe(false);
  });
});

describe('limits.maxRunsPerTree', () => {
  it('fails the step TOO_MANY_RUNS_IN_TREE (even with on_item_error: continue), keeping the results so far', async () => {
    const kit = createControlFlowKit({ limits: { maxRunsPerTree: 3 } });
    const childId = await kit.save('Item', itemChild());
    const { id, done } = await kit.start(
      withErrorBranch(
        node('each', 'for_each', {
          items: [1, 2, 3, 4, 5],
          workflow_id: childId,
          on_item_error: 'continue',
        }),
      ),
    );
    const { steps } = await done;
    expect(steps.each).toMatchObject({
      status: 'failed',
      error: { code: 'TOO_MANY_RUNS_IN_TREE' },
      output_data: { results: [{ value: 1 }, { value: 2 }, null, null, null], errors: [] },
    });
    // The root and two children: three runs in the tree.
    expect((await childrenOf(kit, id)).length).toBe(2);
    expect(await kit.store.countTreeRuns(id)).toBe(3);
  });

  it("counts grandchildren in their root run's tree", async () => {
    const kit = createControlFlowKit({ limits: { maxRunsPerTree: 4 } });
    const leafId = await kit.save('Leaf', itemChild());
    const middleId = await kit.save(
      'Middle',
      chain(node('each', 'for_each', { items: [1, 2, 3], workflow_id: leafId })),
    );
    const { id, done } = await kit.start(
      chain(node('sub', 'sub_workflow', { workflow_id: middleId })),
    );
    const status = await done;
    expect(status.error?.code).toBe('SUB_WORKFLOW_FAILED');
    const [middle] = await childrenOf(kit, id);
    expect((await kit.store.getInstance(middle!.instance_id))?.error?.code).toBe(
      'TOO_MANY_RUNS_IN_TREE',
    );
    const grandchildren = await childrenOf(kit, middle!.instance_id);
    expect(grandchildren.length).toBe(2);
    for (const grandchild of grandchildren) {
      const record = (await kit.store.getInstance(grandchild.instance_id)) as WorkflowInstance;
      expect(record.root_instance_id).toBe(id);
    }
    expect((await kit.store.getInstance(id))?.root_instance_id).toBe(id);
  });
});
