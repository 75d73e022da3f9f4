import { describe, expect, it } from 'vitest';
import { FlowloomError } from '../errors/FlowloomError';
import { chain, createControlFlowKit, edge, node } from './controlFlowKit.test-helpers';

/** A child workflow: trigger → probe, its output `{ value }` the trigger's `value`. */
const probeChild = (failOn?: unknown) =>
  chain(node('probe', 'probe', { value: '{{ input.value }}', fail_on: failOn }));

/** A child for `for_each`: its output is `{ value: item }`. */
const itemChild = (failOn?: unknown) =>
  chain(node('probe', 'probe', { value: '{{ input.item }}', fail_on: failOn }));

describe('sub_workflow', () => {
  it("runs the child as its own instance and outputs the child's output", async () => {
    const kit = createControlFlowKit();
    const childId = await kit.save('Child', probeChild());
    const { id, done } = await kit.start(
      chain(
        node('sub', 'sub_workflow', { workflow_id: childId, input: { value: '{{ input.n }}' } }),
      ),
      { n: 42 },
    );
    const status = await done;
    expect(status.status).toBe('completed');
    expect(status.steps.sub?.output_data).toEqual({ value: 42 });
    const { instances } = await kit.store.listInstanceSummaries({ parent_instance_id: id });
    expect(instances).toHaveLength(1);
    const child = await kit.store.getInstance(instances[0]!.instance_id);
    expect(child).toMatchObject({
      workflow_id: childId,
      status: 'completed',
      parent_instance_id: id,
      parent_step_id: 'sub',
      created_by: 'owner',
      input_data: { value: 42 },
    });
  });

  it('fails SUB_WORKFLOW_FAILED when the child fails', async () => {
    const kit = createControlFlowKit();
    const childId = await kit.save('Child', probeChild(1));
    const { done } = await kit.start(
      chain(node('sub', 'sub_workflow', { workflow_id: childId, input: { value: 1 } })),
    );
    const status = await done;
    expect(status.status).toBe('failed');
    expect(status.error).toMatchObject({ code: 'SUB_WORKFLOW_FAILED', step_id: 'sub' });
    expect(status.error?.message).toMatch(/bad 1/);
  });

  it('lets the error branch take over a failed child', async () => {
    const kit = createControlFlowKit();
    const childId = await kit.save('Child', probeChild(1));
    const { done } = await kit.start({
      nodes: [
        node('start', 'manual_trigger'),
        node('sub', 'sub_workflow', { workflow_id: childId, input: { value: 1 } }),
        node('handled', 'log', { message: 'child {{ steps.sub.instance_id }} failed' }),
      ],
      edges: [edge('start', 'sub'), edge('sub', 'handled', 'error')],
    });
    const status = await done;
    expect(status.status).toBe('completed');
    expect(status.steps.handled?.status).toBe('completed');
  });

  it('fails NOT_FOUND for an unknown workflow', async () => {
    const kit = createControlFlowKit();
    const { done } = await kit.start(
      chain(node('sub', 'sub_workflow', { workflow_id: 'wf_nope' })),
    );
    expect((await done).error).toMatchObject({ code: 'NOT_FOUND' });
  });

  it("loads workflows through the engine's workflows port, which may refuse them", async () => {
    const kit = createControlFlowKit({
      workflows: {
        load: async () => {
          throw new FlowloomError('FORBIDDEN', 'Not yours');
        },
      },
    });
    const childId = await kit.save('Child', probeChild());
    const { done } = await kit.start(chain(node('sub', 'sub_workflow', { workflow_id: childId })));
    expect((await done).error).toMatchObject({ code: 'FORBIDDEN', message: 'Not yours' });
  });

  it('stops a workflow calling itself at limits.maxWorkflowDepth with MAX_DEPTH_EXCEEDED', async () => {
    const kit = createControlFlowKit({ limits: { maxWorkflowDepth: 3 } });
    const saved = await kit.store.saveWorkflow({
      name: 'Recursive',
      workflow_data: chain(node('again', 'log', { message: 'x' })) as never,
    });
    await kit.store.saveWorkflow({
      workflow_id: saved.workflow_id,
      name: 'Recursive',
      workflow_data: chain(
        node('again', 'sub_workflow', { workflow_id: saved.workflow_id }),
      ) as never,
    });
    const root = await kit.engine.createInstance({ name: 'root', workflow_id: saved.workflow_id });
    const status = await kit.engine.executeWorkflow(root.instance_id);
    expect(status.error?.code).toBe('SUB_WORKFLOW_FAILED');
    // The root and three levels under it; the third level's step could not start a fourth.
    const all = (await kit.store.listInstances({ limit: 50 })).instances;
    expect(all).toHaveLength(4);
    const deepest = all.find((instance) => instance.error?.code === 'MAX_DEPTH_EXCEEDED');
    expect(deepest?.status).toBe('failed');
    expect(all.every((instance) => instance.status === 'failed')).toBe(true);
  });

  it('waits while its child waits, and completes once the child is resumed', async () => {
    const kit = createControlFlowKit();
    const childId = await kit.save('Approval', chain(node('approve', 'wait', { mode: 'resume' })));
    const { id, done } = await kit.start(
      chain(node('sub', 'sub_workflow', { workflow_id: childId })),
    );
    const parked = await done;
    expect(parked.status).toBe('waiting');
    expect(parked.steps.sub?.wait).toEqual({ resume: false });
    const child = (await kit.store.listInstanceSummaries({ parent_instance_id: id })).instances[0]!;
    expect(child.status).toBe('waiting');
    await (await kit.engine.resumeWait(child.instance_id, 'approve', { ok: true })).done;
    await expect.poll(async () => (await kit.store.getInstance(id))?.status).toBe('completed');
    expect((await kit.engine.getStatus(id)).steps.sub?.output_data).toEqual({ ok: true });
    // Still one child: the step found the one it started.
    expect((await kit.store.listInstanceSummaries({ parent_instance_id: id })).total).toBe(1);
  });

  it('stops its child when the parent is stopped', async () => {
    const kit = createControlFlowKit();
    const childId = await kit.save('Slow', chain(node('hold', 'hold')));
    const { id, done } = await kit.start(
      chain(node('sub', 'sub_workflow', { workflow_id: childId })),
    );
    await expect
      .poll(async () => (await kit.store.listInstanceSummaries({ parent_instance_id: id })).total)
      .toBe(1);
    const child = (await kit.store.listInstanceSummaries({ parent_instance_id: id })).instances[0]!;
    await expect.poll(() => kit.engine.isRunning(child.instance_id)).toBe(true);
    await kit.engine.stopWorkflow(id);
    expect((await done).status).toBe('cancelled');
    await expect
      .poll(async () => (await kit.store.getInstance(child.instance_id))?.status)
      .toBe('cancelled');
  });

  it('stops a waiting child when its waiting parent is stopped', async () => {
    const kit = createControlFlowKit();
    const childId = await kit.save('Approval', chain(node('approve', 'wait', { mode: 'resume' })));
    const { id, done } = await kit.start(
      chain(node('sub', 'sub_workflow', { workflow_id: childId })),
    );
    await done;
    const child = (await kit.store.listInstanceSummaries({ parent_instance_id: id })).instances[0]!;
    expect((await kit.engine.stopWorkflow(id)).status).toBe('cancelled');
    await expect
      .poll(async () => (await kit.store.getInstance(child.instance_id))?.status)
      .toBe('cancelled');
  });
});

describe('for_each', () => {
  it('runs the workflow once per item and returns the results in item order', async () => {
    const kit = createControlFlowKit();
    const childId = await kit.save('Item', itemChild());
    const items = Array.from({ length: 20 }, (_, index) => `item-${index}`);
    const { id, done } = await kit.start(
      chain(
        node('each', 'for_each', {
          items: '{{ input.items }}',
          workflow_id: childId,
          concurrency: 4,
        }),
      ),
      { items },
    );
    const status = await done;
    expect(status.status).toBe('completed');
    expect(status.steps.each?.output_data).toEqual({
      results: items.map((value) => ({ value })),
      errors: [],
    });
    expect(kit.probe.most).toBeLessThanOrEqual(4);
    expect((await kit.store.listInstanceSummaries({ parent_instance_id: id })).total).toBe(20);
  });

  it('runs one item at a time by default', async () => {
    const kit = createControlFlowKit();
    const childId = await kit.save('Item', itemChild());
    const { done } = await kit.start(
      chain(node('each', 'for_each', { items: '{{ input.items }}', workflow_id: childId })),
      { items: [1, 2, 3, 4, 5] },
    );
    expect((await done).status).toBe('completed');
    expect(kit.probe.most).toBe(1);
  });

  it('gives each run the input { item, index }', async () => {
    const kit = createControlFlowKit();
    const childId = await kit.save(
      'Echo',
      chain(node('echo', 'transform', { mapping: { got: '{{ input }}' } })),
    );
    const { done } = await kit.start(
      chain(node('each', 'for_each', { items: ['a', 'b'], workflow_id: childId })),
    );
    expect((await done).steps.each?.output_data).toEqual({
      results: [{ got: { item: 'a', index: 0 } }, { got: { item: 'b', index: 1 } }],
      errors: [],
    });
  });

  it('lists failed items in errors and goes on with on_item_error: continue', async () => {
    const kit = createControlFlowKit();
    const childId = await kit.save('Item', itemChild(2));
    const { done } = await kit.start(
      chain(
        node('each', 'for_each', {
          items: [1, 2, 3],
          workflow_id: childId,
          on_item_error: 'continue',
        }),
      ),
    );
    const status = await done;
    expect(status.status).toBe('completed');
    const output = status.steps.each?.output_data as { results: unknown[]; errors: unknown[] };
    expect(output.results).toEqual([{ value: 1 }, null, { value: 3 }]);
    expect(output.errors).toEqual([
      { index: 1, error: expect.objectContaining({ code: 'ITEM_BAD', message: 'bad 2' }) },
    ]);
  });

  it('fails SUB_WORKFLOW_FAILED at the first failed item and starts no more', async () => {
    const kit = createControlFlowKit();
    const childId = await kit.save('Item', itemChild(2));
    const { id, done } = await kit.start(
      chain(node('each', 'for_each', { items: [1, 2, 3, 4], workflow_id: childId })),
    );
    const status = await done;
    expect(status.error).toMatchObject({ code: 'SUB_WORKFLOW_FAILED', step_id: 'each' });
    expect(status.error?.message).toMatch(/Item 1 failed: bad 2/);
    expect((await kit.store.listInstanceSummaries({ parent_instance_id: id })).total).toBe(2);
  });

  it('fails TOO_MANY_ITEMS past limits.maxItems, starting none', async () => {
    const kit = createControlFlowKit({ limits: { maxItems: 3 } });
    const childId = await kit.save('Item', itemChild());
    const { id, done } = await kit.start(
      chain(node('each', 'for_each', { items: [1, 2, 3, 4], workflow_id: childId })),
    );
    expect((await done).error).toMatchObject({ code: 'TOO_MANY_ITEMS' });
    expect((await kit.store.listInstanceSummaries({ parent_instance_id: id })).total).toBe(0);
  });

  it('fails INVALID_PARAMETERS when items is not an array', async () => {
    const kit = createControlFlowKit();
    const childId = await kit.save('Item', itemChild());
    const { done } = await kit.start(
      chain(node('each', 'for_each', { items: '{{ input.items }}', workflow_id: childId })),
      { items: { not: 'a list' } },
    );
    expect((await done).error).toMatchObject({ code: 'INVALID_PARAMETERS' });
  });

  it('refuses a concurrency above 50 when the workflow is validated', async () => {
    const kit = createControlFlowKit();
    const refused = await kit
      .start(chain(node('each', 'for_each', { items: [], workflow_id: 'x', concurrency: 51 })))
      .catch((error: unknown) => error as FlowloomError);
    expect((refused as FlowloomError).code).toBe('INVALID_WORKFLOW');
  });

  it('outputs empty results for no items', async () => {
    const kit = createControlFlowKit();
    const childId = await kit.save('Item', itemChild());
    const { done } = await kit.start(
      chain(node('each', 'for_each', { items: [], workflow_id: childId })),
    );
    expect((await done).steps.each?.output_data).toEqual({ results: [], errors: [] });
  });

  it('cancels the items not yet finished when stopped', async () => {
    const kit = createControlFlowKit();
    const childId = await kit.save('Slow', chain(node('hold', 'hold')));
    const { id, done } = await kit.start(
      chain(
        node('each', 'for_each', { items: [1, 2, 3, 4, 5], workflow_id: childId, concurrency: 2 }),
      ),
    );
    await expect
      .poll(async () => (await kit.store.listInstanceSummaries({ parent_instance_id: id })).total)
      .toBe(2);
    await kit.engine.stopWorkflow(id);
    expect((await done).status).toBe('cancelled');
    await expect
      .poll(async () =>
        (await kit.store.listInstanceSummaries({ parent_instance_id: id })).instances.map(
          (child) => child.status,
        ),
      )
      .toEqual(['cancelled', 'cancelled']);
  });
});
