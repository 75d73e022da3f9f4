import type { WorkflowDataInput } from '@flowloom/core';

/** Horizontal and vertical distance between generated nodes, in flow units. */
const SPACING = { x: 260, y: 140 };

/**
 * A chain of `count` steps laid out as a snake over a near-square grid: a manual trigger, then
 * Log and Transform nodes alternating, each connected to the next. Ids and parameters are kept
 * short so 5,000 nodes stay under the API's 1 MiB body limit.
 */
export function generateWorkflow(count: number): WorkflowDataInput {
  const columns = Math.ceil(Math.sqrt(count * 2));
  const nodes: WorkflowDataInput['nodes'] = [];
  const edges: NonNullable<WorkflowDataInput['edges']> = [];
  for (let index = 0; index < count; index += 1) {
    const row = Math.floor(index / columns);
    const inRow = index % columns;
    const column = row % 2 === 0 ? inRow : columns - 1 - inRow;
    const position = { x: column * SPACING.x, y: row * SPACING.y };
    const id = `n${index}`;
    if (index === 0) nodes.push({ id, type: 'manual_trigger', position });
    else if (index % 2 === 1) {
      nodes.push({ id, type: 'log', position, data: { parameters: { message: `step ${index}` } } });
    } else {
      nodes.push({
        id,
        type: 'transform',
        position,
        data: { parameters: { mapping: { i: index } } },
      });
    }
    if (index > 0) edges.push({ id: `e${index}`, source: `n${index - 1}`, target: id });
  }
  return { nodes, edges };
}
