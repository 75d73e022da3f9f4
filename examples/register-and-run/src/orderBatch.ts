import { ExecutionEngine, MemoryStore } from '@flowloom/core';

// A loop over orders (each order one sub-workflow run, five at a time), then an approval that
// waits without holding the process: the run is `waiting` and its state is in the store.
export async function runOrderBatch(orders: Array<{ id: string; total: number }>) {
  const store = new MemoryStore();
  const engine = new ExecutionEngine({ store });

  // 1. The workflow each item runs, saved: its run input is { item, index }.
  const summariseOne = await store.saveWorkflow({
    name: 'Summarise one order',
    workflow_data: {
      nodes: [
        { id: 'start', type: 'manual_trigger', position: { x: 0, y: 0 }, data: { parameters: {} } },
        {
          id: 'summary',
          type: 'transform',
          position: { x: 250, y: 0 },
          data: {
            parameters: {
              mapping: { order: '{{ input.item.id }}', position: '{{ input.index }}' },
            },
          },
        },
      ],
      edges: [{ id: 'e1', source: 'start', target: 'summary' }],
    },
  });

  // 2. The batch: for_each over the orders, then a wait for someone to approve.
  const batch = await engine.createInstance({
    name: 'Order batch',
    workflow_data: {
      nodes: [
        { id: 'start', type: 'manual_trigger', position: { x: 0, y: 0 }, data: { parameters: {} } },
        {
          id: 'each',
          type: 'for_each',
          position: { x: 250, y: 0 },
          data: {
            parameters: {
              items: '{{ input.orders }}',
              workflow_id: summariseOne.workflow_id,
              concurrency: 5,
              on_item_error: 'continue',
            },
          },
        },
        {
          id: 'approve',
          type: 'wait',
          position: { x: 500, y: 0 },
          data: { parameters: { mode: 'resume', timeout_ms: 3 * 86_400_000 } },
        },
        {
          id: 'notify',
          type: 'log',
          position: { x: 750, y: 0 },
          data: { parameters: { message: 'Batch approved by {{ steps.approve.by }}' } },
        },
      ],
      edges: [
        { id: 'e1', source: 'start', target: 'each' },
        { id: 'e2', source: 'each', sourceHandle: 'output', target: 'approve' },
        { id: 'e3', source: 'approve', sourceHandle: 'output', target: 'notify' },
      ],
    },
  });
  const waiting = await engine.executeWorkflow(batch.instance_id, { orders });
  // waiting.status is 'waiting'. Your approval UI calls POST /instances/{id}/resume, or:
  const resumed = await engine.resumeWait(batch.instance_id, 'approve', { by: 'ada' });
  return { waiting, done: await resumed.done };
}
