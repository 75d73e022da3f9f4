import type { WorkflowDataInput } from '@flowloom/core';

type SampleNode = WorkflowDataInput['nodes'][number];

const node = (
  id: string,
  type: string,
  x: number,
  y: number,
  parameters: Record<string, unknown> = {},
  label?: string,
): SampleNode => ({
  id,
  type,
  position: { x, y },
  data: label === undefined ? { parameters } : { parameters, label },
});

const edge = (source: string, target: string, sourceHandle?: string) => ({
  id: `${source}-${sourceHandle ?? 'output'}-${target}`,
  source,
  target,
  ...(sourceHandle === undefined ? {} : { sourceHandle }),
});

/**
 * An order flow that completes, with any input (the editor's Execute sends none): trigger →
 * transform (a fixed order) → condition → one of two logs.
 */
export const completingWorkflow: WorkflowDataInput = {
  nodes: [
    node('trigger', 'manual_trigger', 0, 80, {}, 'New order'),
    node('shape', 'transform', 260, 80, {
      mapping: { order_id: 'A-1001', total: 240, currency: 'EUR' },
    }),
    node('is_big', 'condition', 520, 80, {
      left: '{{ steps.shape.total }}',
      operator: 'gt',
      right: 100,
    }),
    node('big', 'log', 800, 0, { message: 'Big order {{ steps.shape.order_id }}', level: 'warn' }),
    node('small', 'log', 800, 180, { message: 'Small order {{ steps.shape.order_id }}' }),
  ],
  edges: [
    edge('trigger', 'shape'),
    edge('shape', 'is_big'),
    edge('is_big', 'big', 'true'),
    edge('is_big', 'small', 'false'),
  ],
};

/** An input for {@link completingWorkflow}, shown in its `execution_started` event. */
export const completingInput = { source: 'storybook', requested_by: 'ada@example.com' };

/**
 * A flow that fails at run time: its transform's mapping resolves to an array, not an object,
 * so the step fails with INVALID_PARAMETERS and the run fails with it.
 */
export const failingWorkflow: WorkflowDataInput = {
  nodes: [
    node('trigger', 'manual_trigger', 0, 80),
    node('announce', 'log', 260, 80, { message: 'Reshaping {{ input.items }}' }),
    node('reshape', 'transform', 520, 80, { mapping: '{{ input.items }}' }),
    node('after', 'log', 780, 80, { message: 'Not reached' }),
  ],
  edges: [edge('trigger', 'announce'), edge('announce', 'reshape'), edge('reshape', 'after')],
};

/** The input that makes {@link failingWorkflow} fail. */
export const failingInput = { items: [1, 2, 3] };

/** A flow that stays running: a log, then a ten-minute delay. */
export const longRunningWorkflow: WorkflowDataInput = {
  nodes: [
    node('trigger', 'manual_trigger', 0, 80),
    node('start', 'log', 260, 80, { message: 'Waiting for the warehouse' }),
    node('wait', 'delay', 520, 80, { ms: 600_000 }, 'Wait 10 minutes'),
    node('done', 'log', 780, 80, { message: 'Warehouse answered' }),
  ],
  edges: [edge('trigger', 'start'), edge('start', 'wait'), edge('wait', 'done')],
};

const KINDS = ['transform', 'log', 'set_variable', 'delay'] as const;

/**
 * A workflow of `count` nodes: a trigger, then rows of ten steps, each row chained and each row's
 * first step fed by the previous row's first.
 */
export function largeWorkflow(count = 500): WorkflowDataInput {
  const nodes: SampleNode[] = [node('n0', 'manual_trigger', 0, 0)];
  const edges: ReturnType<typeof edge>[] = [];
  for (let index = 1; index < count; index++) {
    const row = Math.floor((index - 1) / 10);
    const column = (index - 1) % 10;
    const kind = KINDS[index % KINDS.length] as (typeof KINDS)[number];
    const parameters: Record<string, Record<string, unknown>> = {
      transform: { mapping: { step: index } },
      log: { message: `Step ${index}` },
      set_variable: { name: `v${index}`, value: index },
      delay: { ms: 10 },
    };
    nodes.push(node(`n${index}`, kind, 260 + column * 240, row * 140, parameters[kind]));
    const previous = column === 0 ? (row === 0 ? 0 : index - 10) : index - 1;
    edges.push(edge(`n${previous}`, `n${index}`));
  }
  return { nodes, edges };
}
