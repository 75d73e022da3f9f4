import { afterEach, describe, expect, it } from 'vitest';
import { usersFromHeaders, WatchedSocket } from '../adapters/conformanceClient.test-helpers';
import { chain, serveControlFlow } from './controlFlowServer.test-helpers';

// sub_workflow and for_each through the real API on 127.0.0.1: what a host's users see.

let served: Awaited<ReturnType<typeof serveControlFlow>> | undefined;

afterEach(async () => {
  await served?.close();
  served = undefined;
});

/** A child for `for_each`: its output is `{ value: item }`, failing for `failOn`. */
const itemChild = (failOn?: unknown, ms = 5) =>
  chain({
    id: 'probe',
    type: 'probe',
    parameters: { value: '{{ input.item }}', fail_on: failOn, ms },
  });

describe('sub_workflow over HTTP', { timeout: 30_000 }, () => {
  it('stops a workflow that calls itself at the depth limit (10), failing MAX_DEPTH_EXCEEDED', async () => {
    served = await serveControlFlow();
    const id = await served.save(
      'Self',
      chain({ id: 'log', type: 'log', parameters: { message: 'x' } }),
    );
    await served.save(
      'Self',
      chain({ id: 'again', type: 'sub_workflow', parameters: { workflow_id: id } }),
      id,
    );
    const root = await served.run({ workflow_id: id });
    const status = await served.statusOnce(root, ['completed', 'failed', 'cancelled']);
    expect(status.status).toBe('failed');
    expect(status.error.code).toBe('SUB_WORKFLOW_FAILED');
    // Ten levels under the root; the tenth's step could not start an eleventh.
    const levels: Array<{ instance_id: string; status: string }> = [];
    let parent = root;
    for (;;) {
      const children = await served.childrenOf(parent);
      if (children.length === 0) break;
      expect(children).toHaveLength(1);
      levels.push(children[0]!);
      parent = children[0]!.instance_id;
    }
    expect(levels).toHaveLength(10);
    expect(levels.every((level) => level.status === 'failed')).toBe(true);
    const deepest = await served.request('GET', `/instances/${parent}/status`);
    expect(deepest.body.error).toMatchObject({ code: 'MAX_DEPTH_EXCEEDED', step_id: 'again' });
  });

  it('shows the child run in lists and streams it on its own WebSocket channel', async () => {
    served = await serveControlFlow();
    const childId = await served.save(
      'Child',
      chain({ id: 'probe', type: 'probe', parameters: { value: '{{ input.n }}' } }),
    );
    const root = await served.run(
      {
        workflow_data: chain({
          id: 'sub',
          type: 'sub_workflow',
          parameters: { workflow_id: childId, input: { n: '{{ input.n }}' } },
        }),
      },
      { n: 5 },
    );
    const status = await served.statusOnce(root, ['completed', 'failed']);
    expect(status.steps.sub.output_data).toEqual({ value: 5 });
    const [child] = await served.childrenOf(root);
    expect(child).toMatchObject({ status: 'completed' });
    const record = await served.request('GET', `/instances/${child!.instance_id}`);
    expect(record.body).toMatchObject({
      parent_instance_id: root,
      parent_step_id: 'sub',
      workflow_id: childId,
    });
    const socket = new WatchedSocket(
      `${served.baseUrl.replace('http', 'ws')}/api/workflow/ws/${child!.instance_id}?since=0`,
    );
    try {
      await socket.opened;
      await socket.waitForEnd();
      expect(socket.events.map((event) => event.event_type)).toContain('step_completed');
    } finally {
      socket.socket.close();
    }
  });

  it("refuses another user's workflow with FORBIDDEN", async () => {
    served = await serveControlFlow({ authenticate: usersFromHeaders });
    const theirs = await served.save(
      'Theirs',
      chain({ id: 'log', type: 'log', parameters: { message: 'secret' } }),
      undefined,
      { 'x-user': 'bob' },
    );
    const mine = await served.run(
      {
        workflow_data: chain({
          id: 'sub',
          type: 'sub_workflow',
          parameters: { workflow_id: theirs },
        }),
      },
      {},
      { 'x-user': 'alice' },
    );
    const status = await served.statusOnce(mine, ['failed', 'completed'], { 'x-user': 'alice' });
    expect(status.error).toMatchObject({ code: 'FORBIDDEN', step_id: 'sub' });
  });

  it('stops the child runs when the parent is stopped', async () => {
    served = await serveControlFlow();
    const childId = await served.save('Slow', itemChild(undefined, 60_000));
    const root = await served.run({
      workflow_data: chain({
        id: 'each',
        type: 'for_each',
        parameters: { items: [1, 2, 3, 4, 5, 6], workflow_id: childId, concurrency: 3 },
      }),
    });
    await expect.poll(() => served!.counter.running, { timeout: 5_000 }).toBe(3);
    const stopped = await served.request('POST', `/instances/${root}/stop`);
    expect(stopped.status).toBe(200);
    expect(stopped.body.status).toBe('cancelled');
    await expect
      .poll(async () => (await served!.childrenOf(root)).map((child) => child.status), {
        timeout: 5_000,
      })
      .toEqual(['cancelled', 'cancelled', 'cancelled']);
    expect(served.counter.calls).toBe(3);
  });
});

describe('for_each over HTTP', { timeout: 30_000 }, () => {
  it('runs 100 items with concurrency 5, never more than 5 at once, results in item order', async () => {
    served = await serveControlFlow();
    const childId = await served.save('Item', itemChild());
    const items = Array.from({ length: 100 }, (_, index) => index * 10);
    const root = await served.run(
      {
        workflow_data: chain({
          id: 'each',
          type: 'for_each',
          parameters: { items: '{{ input.items }}', workflow_id: childId, concurrency: 5 },
        }),
      },
      { items },
    );
    const status = await served.statusOnce(root, ['completed', 'failed']);
    expect(status.status).toBe('completed');
    expect(status.steps.each.output_data).toEqual({
      results: items.map((value) => ({ value })),
      errors: [],
    });
    expect(served.counter.calls).toBe(100);
    expect(served.counter.most).toBe(5);
    expect(await served.childrenOf(root)).toHaveLength(100);
  });

  it('lists the failed items and completes with on_item_error: continue', async () => {
    served = await serveControlFlow();
    const childId = await served.save('Item', itemChild('b'));
    const root = await served.run({
      workflow_data: chain({
        id: 'each',
        type: 'for_each',
        parameters: {
          items: ['a', 'b', 'c'],
          workflow_id: childId,
          concurrency: 2,
          on_item_error: 'continue',
        },
      }),
    });
    const status = await served.statusOnce(root, ['completed', 'failed']);
    expect(status.status).toBe('completed');
    expect(status.steps.each.output_data.results).toEqual([{ value: 'a' }, null, { value: 'c' }]);
    expect(status.steps.each.output_data.errors).toEqual([
      { index: 1, error: expect.objectContaining({ code: 'ITEM_BAD', message: 'bad b' }) },
    ]);
  });

  it('fails the step with the first failed item by default', async () => {
    served = await serveControlFlow();
    const childId = await served.save('Item', itemChild('b'));
    const root = await served.run({
      workflow_data: chain({
        id: 'each',
        type: 'for_each',
        parameters: { items: ['a', 'b', 'c'], workflow_id: childId },
      }),
    });
    const status = await served.statusOnce(root, ['completed', 'failed']);
    expect(status.error).toMatchObject({ code: 'SUB_WORKFLOW_FAILED', step_id: 'each' });
  });

  it('fails TOO_MANY_ITEMS past limits.maxItems', async () => {
    served = await serveControlFlow({ limits: { maxItems: 2 } });
    const childId = await served.save('Item', itemChild());
    const root = await served.run({
      workflow_data: chain({
        id: 'each',
        type: 'for_each',
        parameters: { items: [1, 2, 3], workflow_id: childId },
      }),
    });
    const status = await served.statusOnce(root, ['completed', 'failed']);
    expect(status.error).toMatchObject({ code: 'TOO_MANY_ITEMS' });
    expect(await served.childrenOf(root)).toHaveLength(0);
  });
});
