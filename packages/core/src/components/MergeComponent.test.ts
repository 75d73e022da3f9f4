import { describe, expect, it } from 'vitest';
import { ExecutionEngine } from '../executor/ExecutionEngine';
import { ComponentRegistry } from '../registry/ComponentRegistry';
import { createTestContext } from '../testing/createTestContext';
import { builtinComponents } from './builtinComponents';
import { MergeComponent } from './MergeComponent';

describe('MergeComponent', () => {
  it('outputs the output of each delivering step by step id', async () => {
    const inputs = { fetch_user: { id: 1 }, fetch_orders: { count: 3 } };
    const result = await new MergeComponent().execute(createTestContext({ inputs }));
    expect(result).toEqual({ success: true, output_data: inputs });
    expect(result.output_data).not.toBe(inputs);
  });

  it('outputs an empty object when nothing delivered', async () => {
    const result = await new MergeComponent().execute(createTestContext());
    expect(result.output_data).toEqual({});
  });
});

describe('MergeComponent in a run', () => {
  const registry = new ComponentRegistry({ components: builtinComponents });
  const node = (id: string, type: string) => ({ id, type, data: { parameters: {} } });

  it('lifts the entries of an input that is a merge output instead of nesting it', async () => {
    const engine = new ExecutionEngine({ registry });
    const { instance_id } = await engine.createInstance({
      name: 'merges',
      workflow_data: {
        nodes: [node('start', 'manual_trigger'), node('m1', 'merge'), node('m2', 'merge')],
        edges: [
          { id: 'a', source: 'start', target: 'm1' },
          { id: 'b', source: 'm1', target: 'm2' },
        ],
      },
    });
    const status = await engine.executeWorkflow(instance_id, { hello: 'world' });
    expect(status.steps.m1?.output_data).toEqual({ start: { hello: 'world' } });
    expect(status.steps.m2?.output_data).toEqual({ start: { hello: 'world' } });
  });

  it('runs a chain of 4,500 merges with an output as small as its first', async () => {
    const engine = new ExecutionEngine({ registry });
    const nodes = [node('n0', 'manual_trigger')];
    const edges = [];
    for (let at = 1; at < 4_500; at += 1) {
      nodes.push(node(`n${at}`, 'merge'));
      edges.push({ id: `e${at}`, source: `n${at - 1}`, target: `n${at}` });
    }
    const { instance_id } = await engine.createInstance({
      name: 'merge chain',
      workflow_data: { nodes, edges },
    });
    const status = await engine.executeWorkflow(instance_id, { x: 1 });
    expect(status.status).toBe('completed');
    expect(status.steps.n4499?.output_data).toEqual({ n0: { x: 1 } });
  });
});

describe('MergeComponent parameters', () => {
  const registry = new ComponentRegistry({ components: [MergeComponent] });

  it('accepts no parameters', () => {
    expect(registry.validateParameters('merge', {})).toEqual([]);
  });

  it('rejects an unknown parameter', () => {
    expect(registry.validateParameters('merge', { mode: 'all' })).toMatchObject([
      { parameter: 'mode', code: 'UNKNOWN_PARAMETER' },
    ]);
  });
});
