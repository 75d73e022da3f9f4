import type { ExecutionResult, WorkflowData } from '@flowloom/core';

/**
 * The hand-written baseline the engine is compared with: a DAG runner that knows nothing but
 * in-degree counters, awaits each step once and keeps every output. What the engine adds over it
 * (events, a store, state, limits) is what its ratio measures.
 */
export function createDagRunner(
  workflow: WorkflowData,
  step: () => Promise<ExecutionResult>,
): () => Promise<Record<string, unknown>> {
  const position = new Map(workflow.nodes.map((node, at) => [node.id, at]));
  const successors: number[][] = workflow.nodes.map(() => []);
  const inDegree = new Uint32Array(workflow.nodes.length);
  for (const edge of workflow.edges) {
    const target = position.get(edge.target)!;
    successors[position.get(edge.source)!]!.push(target);
    inDegree[target]! += 1;
  }
  const ids = workflow.nodes.map((node) => node.id);
  return async () => {
    const remaining = inDegree.slice();
    const outputs: Record<string, unknown> = {};
    const ready: number[] = [];
    for (let at = 0; at < remaining.length; at += 1) if (remaining[at] === 0) ready.push(at);
    for (let head = 0; head < ready.length; head += 1) {
      const at = ready[head]!;
      outputs[ids[at]!] = (await step()).output_data;
      for (const next of successors[at]!) {
        remaining[next]! -= 1;
        if (remaining[next] === 0) ready.push(next);
      }
    }
    return outputs;
  };
}
