import { describe, expect, it } from 'vitest';
import { buildExecutionPlan } from '../graph/buildExecutionPlan';
import { componentRegistry } from '../registry/defaultRegistry';
import type { ExecutionStatus, StepState } from '../schema/executionStatus';
import type { WorkflowData } from '../schema/workflowData';
import { workflowOutputOf } from './workflowOutputOf';

const node = (id: string, type = 'log') => ({
  id,
  type,
  position: { x: 0, y: 0 },
  data: { parameters: type === 'log' ? { message: 'x' } : {} },
});
const edge = (source: string, target: string) => ({ id: `${source}-${target}`, source, target });

/** start → a, start → b: two leaves. */
const forked: WorkflowData = {
  nodes: [node('start', 'manual_trigger'), node('a'), node('b')],
  edges: [edge('start', 'a'), edge('start', 'b')],
};

function state(status: StepState['status'], output_data?: unknown): StepState {
  return { status, attempts: 1, started_at: null, finished_at: null, output_data };
}

function statusOf(steps: Record<string, StepState>): Pick<ExecutionStatus, 'steps'> {
  return { steps };
}

describe('workflowOutputOf', () => {
  it('keys the outputs of the completed leaf steps by step id', () => {
    const status = statusOf({
      start: state('completed', { who: 'x' }),
      a: state('completed', { n: 1 }),
      b: state('completed', { n: 2 }),
    });
    expect(workflowOutputOf(forked, status)).toEqual({ a: { n: 1 }, b: { n: 2 } });
  });

  it('keeps the keyed shape when only one of several leaves completed', () => {
    const status = statusOf({
      start: state('completed', {}),
      a: state('completed', { n: 1 }),
      b: state('skipped'),
    });
    expect(workflowOutputOf(forked, status)).toEqual({ a: { n: 1 } });
  });

  it("gives a workflow with exactly one leaf that leaf's output itself", () => {
    const chain: WorkflowData = {
      nodes: [node('start', 'manual_trigger'), node('only')],
      edges: [edge('start', 'only')],
    };
    const status = statusOf({ start: state('completed', {}), only: state('completed', { n: 1 }) });
    expect(workflowOutputOf(chain, status)).toEqual({ n: 1 });
    expect(workflowOutputOf(buildExecutionPlan(chain, componentRegistry), status)).toEqual({
      n: 1,
    });
    expect(workflowOutputOf(chain, statusOf({ only: state('failed') }))).toEqual({});
  });

  it('leaves out failed and skipped leaves, and steps with outgoing edges', () => {
    const status = statusOf({
      start: state('completed', { not: 'a leaf' }),
      a: state('failed'),
      b: state('skipped'),
    });
    expect(workflowOutputOf(forked, status)).toEqual({});
  });

  it('reads the leaves of a plan as it reads those of a document', () => {
    const plan = buildExecutionPlan(forked, componentRegistry);
    const status = statusOf({
      start: state('completed', {}),
      a: state('completed', { n: 1 }),
      b: state('completed', { n: 2 }),
    });
    expect(workflowOutputOf(plan, status)).toEqual(workflowOutputOf(forked, status));
  });

  it('never writes through a step id such as __proto__', () => {
    const document: WorkflowData = { nodes: [node('__proto__'), node('b')], edges: [] };
    const output = workflowOutputOf(
      document,
      statusOf(
        JSON.parse(
          '{"__proto__": {"status": "completed", "attempts": 1, "started_at": null, "finished_at": null, "output_data": {"polluted": true}}, "b": {"status": "completed", "attempts": 1, "started_at": null, "finished_at": null, "output_data": {}}}',
        ),
      ),
    ) as Record<string, unknown>;
    expect(Object.getPrototypeOf(output)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.hasOwn(output, '__proto__')).toBe(true);
  });
});
