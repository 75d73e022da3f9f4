import type { WorkflowDataInput } from '@flowloom/core';

/** manual_trigger → transform → log × 3: five steps, built-in components only. */
export const fiveStepWorkflow: WorkflowDataInput = {
  nodes: [
    { id: 'start', type: 'manual_trigger' },
    {
      id: 'shape',
      type: 'transform',
      data: { parameters: { mapping: { greeting: 'hello {{ input.name }}' } } },
    },
    { id: 'log1', type: 'log', data: { parameters: { message: 'one {{ input.greeting }}' } } },
    { id: 'log2', type: 'log', data: { parameters: { message: 'two' } } },
    { id: 'log3', type: 'log', data: { parameters: { message: 'three' } } },
  ],
  edges: [
    { id: 'e1', source: 'start', target: 'shape' },
    { id: 'e2', source: 'shape', target: 'log1' },
    { id: 'e3', source: 'log1', target: 'log2' },
    { id: 'e4', source: 'log2', target: 'log3' },
  ],
};
