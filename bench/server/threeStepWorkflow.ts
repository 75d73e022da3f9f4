import type { WorkflowData } from '@flowloom/core';

const at = { x: 0, y: 0 };

/** manual_trigger → transform → log, with built-in components only (the server's default registry). */
export const threeStepWorkflow: WorkflowData = {
  nodes: [
    { id: 'start', type: 'manual_trigger', position: at, data: { parameters: {} } },
    {
      id: 'shape',
      type: 'transform',
      position: at,
      data: { parameters: { mapping: { greeting: 'hello {{ input.name }}' } } },
    },
    {
      id: 'record',
      type: 'log',
      position: at,
      data: { parameters: { message: 'said {{ input.greeting }}', level: 'info' } },
    },
  ],
  edges: [
    { id: 'e1', source: 'start', target: 'shape' },
    { id: 'e2', source: 'shape', target: 'record' },
  ],
};

/** The same three steps started by a webhook (`respond: immediately`) on `/bench`. */
export const threeStepWebhookWorkflow: WorkflowData = {
  nodes: [
    {
      id: 'start',
      type: 'webhook_trigger',
      position: at,
      data: { parameters: { path: '/bench', method: 'POST' } },
    },
    {
      id: 'shape',
      type: 'transform',
      position: at,
      data: { parameters: { mapping: { greeting: 'hello {{ input.body.name }}' } } },
    },
    {
      id: 'record',
      type: 'log',
      position: at,
      data: { parameters: { message: 'said {{ input.greeting }}', level: 'info' } },
    },
  ],
  edges: threeStepWorkflow.edges,
};

/** The input each bench run starts with. */
export const runInput = { name: 'bench' };
