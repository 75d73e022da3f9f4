import { validateWorkflow } from '@flowloom/core';
import { expect, it } from 'vitest';
import { sampleWorkflows } from './sampleWorkflows';

it.each(sampleWorkflows.map((sample) => [sample.name, sample] as const))(
  'the "%s" sample passes validateWorkflow with no issue',
  (_name, sample) => {
    const result = validateWorkflow(sample.workflow_data);
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
  },
);

it('lays each sample out left to right: every edge goes rightwards', () => {
  for (const { workflow_data } of sampleWorkflows) {
    const x = new Map(workflow_data.nodes.map((node) => [node.id, node.position.x]));
    for (const edge of workflow_data.edges) {
      expect(x.get(edge.target)!).toBeGreaterThan(x.get(edge.source)!);
    }
  }
});
