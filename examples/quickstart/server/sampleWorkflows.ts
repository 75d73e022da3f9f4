import type { WorkflowData } from '@flowloom/core';

/** A workflow the quickstart saves on its first start. */
export interface SampleWorkflow {
  name: string;
  workflow_data: WorkflowData;
}

/**
 * "Order routing": fetch an order from the server's own demo endpoint and log which branch its
 * total takes. Run it with the input `{ "order_id": 7 }` (total 140: priority) or
 * `{ "order_id": 3 }` (total 60: standard).
 *
 * @remarks The URL reads `{{ vars.demo_base_url }}`, which the quickstart's engine sets on every
 * run to the address it listens on, so the saved workflow keeps working when the port changes.
 */
export const orderRoutingWorkflow: SampleWorkflow = {
  name: 'Order routing',
  workflow_data: {
    nodes: [
      node('trigger', 'manual_trigger', 0, 120, 'Start', {}),
      node('fetch', 'http_request', 280, 120, 'Fetch order', {
        url: '{{ vars.demo_base_url }}/demo/orders/{{ input.order_id }}',
        method: 'GET',
      }),
      node('is_priority', 'condition', 560, 120, 'Total over 100?', {
        left: '{{ steps.fetch.body.total }}',
        operator: 'gt',
        right: 100,
      }),
      node('log_priority', 'log', 840, 40, 'Priority order', {
        message: 'Priority order {{ steps.fetch.body.id }}: total {{ steps.fetch.body.total }}',
        level: 'info',
      }),
      node('log_standard', 'log', 840, 260, 'Standard order', {
        message: 'Standard order {{ steps.fetch.body.id }}: total {{ steps.fetch.body.total }}',
        level: 'info',
      }),
    ],
    edges: [
      edge('trigger', 'output', 'fetch'),
      edge('fetch', 'success', 'is_priority'),
      edge('is_priority', 'true', 'log_priority'),
      edge('is_priority', 'false', 'log_standard'),
    ],
  },
};

/** "Parallel fan-out": three delays of 200, 400 and 600 ms run at once, then merge into a log. */
export const parallelFanOutWorkflow: SampleWorkflow = {
  name: 'Parallel fan-out',
  workflow_data: {
    nodes: [
      node('trigger', 'manual_trigger', 0, 180, 'Start', {}),
      node('wait_200', 'delay', 280, 20, 'Wait 200 ms', { ms: 200 }),
      node('wait_400', 'delay', 280, 180, 'Wait 400 ms', { ms: 400 }),
      node('wait_600', 'delay', 280, 340, 'Wait 600 ms', { ms: 600 }),
      node('merge', 'merge', 560, 180, 'Merge', {}),
      node('log_done', 'log', 840, 180, 'All done', {
        message: 'All three branches finished',
        level: 'info',
      }),
    ],
    edges: [
      edge('trigger', 'output', 'wait_200'),
      edge('trigger', 'output', 'wait_400'),
      edge('trigger', 'output', 'wait_600'),
      edge('wait_200', 'output', 'merge'),
      edge('wait_400', 'output', 'merge'),
      edge('wait_600', 'output', 'merge'),
      edge('merge', 'output', 'log_done'),
    ],
  },
};

/** The samples, in the order they are saved. */
export const sampleWorkflows: readonly SampleWorkflow[] = [
  orderRoutingWorkflow,
  parallelFanOutWorkflow,
];

function node(
  id: string,
  type: string,
  x: number,
  y: number,
  label: string,
  parameters: Record<string, unknown>,
) {
  return { id, type, position: { x, y }, data: { label, parameters } };
}

function edge(source: string, sourceHandle: string, target: string) {
  return {
    id: `${source}-${sourceHandle}-${target}`,
    source,
    sourceHandle,
    target,
    targetHandle: 'input',
  };
}
