import { describe, expect, it } from 'vitest';
import { ComponentRegistry } from '../registry/ComponentRegistry';
import { defineComponent } from '../registry/defineComponent';
import { ComponentCategory } from '../schema/componentCategory';
import type { ExecutionResult } from '../schema/executionResult';
import { MemoryStore } from '../store/MemoryStore';
import { ExecutionEngine } from './ExecutionEngine';
import { edge, node, START_COMPONENT } from './engineTestKit.test-helpers';

const source = (id: string) => ({ id, type: 'source' as const, position: 'right' as const });

/** Runs start → `tested` → after, where `tested` returns `result`; gives the final status. */
async function runWith(result: ExecutionResult, outputs = [source('output')]) {
  const registry = new ComponentRegistry({
    components: [
      START_COMPONENT,
      defineComponent({
        type: 'tested',
        name: 'Tested',
        category: ComponentCategory.UTILITIES,
        output_handles: outputs,
        execute: async () => result,
      }),
      defineComponent({
        type: 'after',
        name: 'After',
        category: ComponentCategory.UTILITIES,
        execute: async () => ({ success: true, output_data: { ran: true } }),
      }),
    ],
  });
  const engine = new ExecutionEngine({ registry, store: new MemoryStore() });
  const { instance_id } = await engine.createInstance({
    name: 'results',
    workflow_data:
      outputs.length === 0
        ? { nodes: [node('start', 'start'), node('t', 'tested')], edges: [edge('start', 't')] }
        : {
            nodes: [node('start', 'start'), node('t', 'tested'), node('after', 'after')],
            edges: [edge('start', 't'), { ...edge('t', 'after'), sourceHandle: outputs[0]!.id }],
          },
  });
  return engine.executeWorkflow(instance_id);
}

describe('ExecutionEngine: reading a component result', () => {
  it.each([
    ['a number', 5],
    ['a string', 'hello'],
    ['an array', [1, 2]],
  ])('fails a step whose output_data is %s: the schema says an object', async (what, value) => {
    const status = await runWith({
      success: true,
      output_data: value as unknown as Record<string, unknown>,
    });
    expect(status.status).toBe('failed');
    expect(status.steps.t).toMatchObject({
      status: 'failed',
      error: {
        code: 'INVALID_RESULT',
        message: `Component "tested" returned output_data that is not an object (${what})`,
      },
    });
    expect(status.steps.after?.status).toBe('pending');
  });

  it('fails a success that names no handle when the component declares no default one', async () => {
    const status = await runWith({ success: true, output_data: {} }, [
      source('true'),
      source('false'),
    ]);
    expect(status.status).toBe('failed');
    expect(status.steps.t?.error).toEqual({
      code: 'INVALID_RESULT',
      message:
        'Component "tested" chose no output handle: it declares true, false and no default (success or output), so its result must name one in output_handle',
    });
  });

  it('follows the handle such a component names, and none when it names none on purpose', async () => {
    const chose = await runWith({ success: true, output_data: {}, output_handle: 'true' }, [
      source('true'),
      source('false'),
    ]);
    expect(chose.status).toBe('completed');
    expect(chose.steps.after?.status).toBe('completed');
    const none = await runWith({ success: true, output_data: {}, output_handle: [] }, [
      source('true'),
      source('false'),
    ]);
    expect(none.status).toBe('completed');
    expect(none.steps.after?.status).toBe('skipped');
  });

  it('lets a component with no output handle at all end its branch', async () => {
    const status = await runWith({ success: true, output_data: { done: 1 } }, []);
    expect(status.status).toBe('completed');
  });

  it('reads an output_data of null as none, as an absent one', async () => {
    const status = await runWith({ success: true, output_data: null as never });
    expect(status.steps.t?.output_data).toEqual({});
  });
});
