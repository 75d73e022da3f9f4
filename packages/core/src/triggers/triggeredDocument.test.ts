import { describe, expect, it } from 'vitest';
import { builtinComponents } from '../components/builtinComponents';
import { ComponentRegistry } from '../registry/ComponentRegistry';
import { type WorkflowData, WorkflowDataSchema } from '../schema/workflowData';
import { triggeredDocument } from './triggeredDocument';
import { triggerTypeOf } from './triggerTypeOf';

const registry = new ComponentRegistry({ components: builtinComponents });

const document: WorkflowData = WorkflowDataSchema.parse({
  nodes: [
    { id: 'hook', type: 'webhook_trigger', data: { parameters: { path: '/x' } } },
    { id: 'manual', type: 'manual_trigger' },
    { id: 'say', type: 'log', data: { parameters: { message: 'hi' } } },
  ],
  edges: [
    { id: 'hook-say', source: 'hook', target: 'say' },
    { id: 'manual-say', source: 'manual', target: 'say' },
  ],
});

describe('triggeredDocument', () => {
  it('drops the edges leaving the other triggers, keeping every node', () => {
    const pruned = triggeredDocument(document, 'hook', registry);
    expect(pruned.nodes).toEqual(document.nodes);
    expect(pruned.edges.map((edge) => edge.id)).toEqual(['hook-say']);
  });

  it('returns the document itself when no edge leaves another trigger', () => {
    const single = { ...document, edges: document.edges.filter((edge) => edge.id === 'hook-say') };
    expect(triggeredDocument(single, 'hook', registry)).toBe(single);
  });
});

describe('triggerTypeOf', () => {
  it.each([
    ['webhook_trigger', 'webhook'],
    ['schedule_trigger', 'schedule'],
    ['order_event', 'order_event'],
    ['_trigger', '_trigger'],
  ])('reads %s as %s', (componentType, type) => {
    expect(triggerTypeOf(componentType)).toBe(type);
  });
});
