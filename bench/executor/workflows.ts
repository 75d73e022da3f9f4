import {
  ComponentCategory,
  ComponentRegistry,
  defineComponent,
  type ExecutionResult,
  MergeComponent,
  type WorkflowData,
} from '@flowloom/core';

/** The function every benchmark step runs: it does nothing but return a result. */
export async function noop(): Promise<ExecutionResult> {
  return { success: true, output_data: NOOP_OUTPUT };
}
const NOOP_OUTPUT = { ok: true };

/** A registry with a trigger, a no-op step, a join (all built on `noop`) and the built-in merge. */
export function createBenchRegistry(): ComponentRegistry {
  return new ComponentRegistry({
    components: [
      defineComponent({
        type: 'start',
        name: 'Start',
        category: ComponentCategory.TRIGGERS,
        input_handles: [],
        execute: noop,
      }),
      defineComponent({
        type: 'noop',
        name: 'No-op',
        category: ComponentCategory.UTILITIES,
        execute: noop,
      }),
      defineComponent({
        type: 'join',
        name: 'Join',
        category: ComponentCategory.DATA_PROCESSING,
        execute: noop,
      }),
      MergeComponent,
    ],
  });
}

const at = { x: 0, y: 0 };

/** A trigger followed by `steps - 1` steps of `type` in a line. */
export function chain(steps: number, type = 'noop'): WorkflowData {
  const nodes = [{ id: 'n0', type: 'start', position: at, data: { parameters: {} } }];
  const edges = [];
  for (let i = 1; i < steps; i += 1) {
    nodes.push({ id: `n${i}`, type, position: at, data: { parameters: {} } });
    edges.push({ id: `e${i}`, source: `n${i - 1}`, target: `n${i}` });
  }
  return { nodes, edges };
}

/** A trigger fanning out to `width` no-op steps that all flow into one join. */
export function fanOut(width: number): WorkflowData {
  const nodes = [
    { id: 'start', type: 'start', position: at, data: { parameters: {} } },
    { id: 'join', type: 'join', position: at, data: { parameters: {} } },
  ];
  const edges = [];
  for (let i = 0; i < width; i += 1) {
    nodes.push({ id: `b${i}`, type: 'noop', position: at, data: { parameters: {} } });
    edges.push({ id: `in${i}`, source: 'start', target: `b${i}` });
    edges.push({ id: `out${i}`, source: `b${i}`, target: 'join' });
  }
  return { nodes, edges };
}

/** Limits that admit the bench's largest documents (the defaults stop at 5,000 nodes). */
export const BENCH_LIMITS = { maxNodes: 200_000, maxEdges: 200_000 } as const;
