import { describe, expect, it } from 'vitest';
import { FlowloomError } from '../errors/FlowloomError';
import { ComponentRegistry } from '../registry/ComponentRegistry';
import { defineComponent } from '../registry/defineComponent';
import { ComponentCategory } from '../schema/componentCategory';
import { ParameterType } from '../schema/parameterType';
import { buildExecutionPlan } from './buildExecutionPlan';

const ok = async () => ({ success: true, output_data: {} });

/** A registry of small components, independent of the built-ins. */
function createRegistry(): ComponentRegistry {
  return new ComponentRegistry({
    components: [
      defineComponent({
        type: 'trigger',
        name: 'Trigger',
        category: ComponentCategory.TRIGGERS,
        input_handles: [],
        execute: ok,
      }),
      defineComponent({
        type: 'step',
        name: 'Step',
        category: ComponentCategory.UTILITIES,
        parameters: [
          { name: 'message', label: 'Message', type: ParameterType.STRING, required: true },
          {
            name: 'level',
            label: 'Level',
            type: ParameterType.SELECT,
            options: ['info', 'warn'],
            default: 'info',
          },
          { name: 'count', label: 'Count', type: ParameterType.NUMBER, default: 1 },
          { name: 'extra', label: 'Extra', type: ParameterType.JSON },
        ],
        execute: ok,
      }),
      defineComponent({
        type: 'branch',
        name: 'Branch',
        category: ComponentCategory.LOGIC,
        output_handles: [
          { id: 'true', type: 'source', position: 'right' },
          { id: 'false', type: 'source', position: 'bottom' },
        ],
        execute: ok,
      }),
    ],
  });
}

const registry = createRegistry();

function node(
  id: string,
  type: string,
  parameters: Record<string, unknown> = {},
  settings?: unknown,
) {
  return {
    id,
    type,
    position: { x: 0, y: 0 },
    data: settings ? { parameters, settings } : { parameters },
  };
}

const workflow = {
  nodes: [
    node('start', 'trigger'),
    node('check', 'branch'),
    node(
      'yes',
      'step',
      { message: 'Hi {{ input.name }}', count: '{{ steps.start.n }}' },
      {
        timeout_ms: 1_000,
        retry: { max_attempts: 3, backoff_ms: 10 },
      },
    ),
    node('no', 'step', { message: 'plain', level: 'warn', extra: { nested: ['{{ vars.x }}'] } }),
    node('orphan', 'step', { message: 'never' }),
  ],
  edges: [
    { id: 'e1', source: 'start', target: 'check' },
    { id: 'e2', source: 'check', sourceHandle: 'true', target: 'yes', targetHandle: null },
    { id: 'e3', source: 'check', sourceHandle: 'false', target: 'no', targetHandle: 'input' },
  ],
};

describe('buildExecutionPlan with an invalid workflow', () => {
  function planError(input: unknown): FlowloomError {
    try {
      buildExecutionPlan(input, registry);
    } catch (error) {
      if (error instanceof FlowloomError) return error;
      throw error;
    }
    throw new Error('Expected buildExecutionPlan to throw');
  }

  it('throws INVALID_WORKFLOW listing every error with its node and field', () => {
    const error = planError({
      nodes: [
        node('t', 'trigger'),
        node('a', 'step', {}),
        node('b', 'step', { message: 'x', count: 'many' }),
      ],
      edges: [
        { id: 'e1', source: 't', target: 'a' },
        { id: 'e2', source: 'a', target: 'b' },
      ],
    });
    expect(error.code).toBe('INVALID_WORKFLOW');
    expect(error.issues).toEqual([
      { path: 'a.message', message: 'Message is required' },
      { path: 'b.count', message: 'Count must be a number, got a string' },
    ]);
    expect(error.message).toBe(
      'The workflow is invalid: Message is required; Count must be a number, got a string',
    );
  });

  it('leaves warnings out of the issues', () => {
    const error = planError({
      nodes: [node('t', 'trigger'), node('orphan', 'step', { message: 'x' }), node('c', 'nope')],
    });
    expect(error.issues).toEqual([{ path: 'c.type', message: 'Unknown component type "nope"' }]);
  });

  it('names edges in issue paths', () => {
    const error = planError({
      nodes: [node('t', 'trigger')],
      edges: [{ id: 'e9', source: 't', target: 'ghost' }],
    });
    expect(error.issues).toEqual([
      { path: 'e9.target', message: 'Edge "e9" enters unknown node "ghost"' },
    ]);
  });

  it('gives a malformed part its document path, not prefixed by its node id', () => {
    const error = planError({
      nodes: [node('t', 'trigger'), { id: 'a', type: 'step', data: { parameters: 5 } }],
    });
    expect(error.issues).toEqual([
      {
        path: 'nodes.1.data.parameters',
        message: expect.stringContaining('nodes.1.data.parameters'),
      },
    ]);
  });

  it('throws INVALID_WORKFLOW for a value that is not a workflow', () => {
    for (const input of [null, 42, 'x', {}]) {
      expect(planError(input).code).toBe('INVALID_WORKFLOW');
    }
  });

  it('plans an empty workflow as no steps (valid, with an EMPTY_WORKFLOW warning)', () => {
    const plan = buildExecutionPlan({ nodes: [] }, registry);
    expect(plan.steps).toEqual([]);
    expect(plan.edges).toEqual([]);
  });

  it('throws INVALID_WORKFLOW for a cycle', () => {
    const error = planError({
      nodes: [
        node('t', 'trigger'),
        node('a', 'step', { message: 'x' }),
        node('b', 'step', { message: 'y' }),
      ],
      edges: [
        { id: 'e1', source: 't', target: 'a' },
        { id: 'e2', source: 'a', target: 'b' },
        { id: 'e3', source: 'b', target: 'a' },
      ],
    });
    expect(error.issues).toEqual([{ path: 'a', message: 'The workflow has a cycle: a → b → a' }]);
  });
});

describe('buildExecutionPlan with a valid workflow', () => {
  const plan = buildExecutionPlan(workflow, registry);
  const step = (id: string) => plan.steps[plan.indexById.get(id)!]!;

  it('has one step per node, in document order, with its index', () => {
    expect(plan.steps.map((s) => [s.index, s.id])).toEqual([
      [0, 'start'],
      [1, 'check'],
      [2, 'yes'],
      [3, 'no'],
      [4, 'orphan'],
    ]);
    expect([...plan.stepIds]).toEqual(['start', 'check', 'yes', 'no', 'orphan']);
  });

  it('links each step to its registered component', () => {
    expect(step('check').component).toBe(registry.resolve('branch'));
  });

  it('resolves omitted and null handles to the only handle of that side', () => {
    expect(plan.edges).toEqual([
      { id: 'e1', source: 0, sourceHandle: 'output', target: 1, targetHandle: 'input' },
      { id: 'e2', source: 1, sourceHandle: 'true', target: 2, targetHandle: 'input' },
      { id: 'e3', source: 1, sourceHandle: 'false', target: 3, targetHandle: 'input' },
    ]);
  });

  it('lists incoming and outgoing edges by index', () => {
    expect(plan.incomingOf(step('check').index)).toEqual([0]);
    expect(plan.outgoingOf(step('check').index)).toEqual([1, 2]);
    expect(plan.incomingOf(step('start').index)).toEqual([]);
    expect(plan.outgoingOf(step('orphan').index)).toEqual([]);
  });

  it('shares one handle set between steps that connect the same handles', () => {
    const chain = buildExecutionPlan(
      {
        nodes: [
          node('a', 'trigger'),
          node('b', 'step', { message: 'b' }),
          node('c', 'step', { message: 'c' }),
        ],
        edges: [
          { id: 'ab', source: 'a', target: 'b' },
          { id: 'bc', source: 'b', target: 'c' },
        ],
      },
      registry,
    );
    expect([...chain.steps[0]!.connectedHandles]).toEqual(['output']);
    expect(chain.steps[1]!.connectedHandles).toBe(chain.steps[0]!.connectedHandles);
  });

  it('gives every step without parameters one shared, frozen first-start payload', () => {
    const other = buildExecutionPlan(
      { nodes: [node('t1', 'trigger'), node('t2', 'trigger')], edges: [] },
      registry,
    );
    const shared = step('start').firstStart;
    expect(shared).toEqual({ attempt: 1, input_data: {} });
    expect(Object.isFrozen(shared)).toBe(true);
    expect(other.steps.map((each) => each.firstStart)).toEqual([shared, shared]);
    expect(other.steps[1]!.firstStart).toBe(shared);
    // A step with parameters makes its own on its first start.
    expect(step('orphan').firstStart).toBeUndefined();
  });

  it('lists the output handles that have an edge', () => {
    expect([...step('check').connectedHandles]).toEqual(['true', 'false']);
    expect([...step('yes').connectedHandles]).toEqual([]);
  });

  it('applies parameter defaults in baseParameters', () => {
    expect(step('no').baseParameters).toEqual({
      message: 'plain',
      level: 'warn',
      count: 1,
      extra: { nested: ['{{ vars.x }}'] },
    });
    expect(step('orphan').baseParameters).toEqual({ message: 'never', level: 'info', count: 1 });
  });

  it('lists as dynamic only the parameters that hold expressions', () => {
    expect(
      step('yes')
        .dynamicParameters.map((p) => p.name)
        .sort(),
    ).toEqual(['count', 'message']);
    expect(step('no').dynamicParameters.map((p) => p.name)).toEqual(['extra']);
    expect(step('orphan').dynamicParameters).toEqual([]);
  });

  it('compiles dynamic parameters so they resolve against a scope', () => {
    const scope = { steps: { start: { n: 4 } }, input: { name: 'Ada' }, vars: { x: true } };
    const resolved = Object.fromEntries(
      step('yes').dynamicParameters.map((p) => [p.name, p.value.evaluate(scope)]),
    );
    expect(resolved).toEqual({ message: 'Hi Ada', count: 4 });
  });

  it('marks triggers as entries and nothing else', () => {
    expect(plan.steps.filter((s) => s.isEntry).map((s) => s.id)).toEqual(['start']);
  });

  it('marks the steps a trigger reaches as reachable', () => {
    expect(plan.steps.filter((s) => !s.reachable).map((s) => s.id)).toEqual(['orphan']);
  });

  it('carries the timeout and the retry policy with its defaults', () => {
    expect(step('yes').timeoutMs).toBe(1_000);
    expect(step('yes').retry).toEqual({ max_attempts: 3, backoff_ms: 10, backoff_multiplier: 2 });
  });

  it('gives steps without settings no timeout and a single attempt', () => {
    expect(step('no').timeoutMs).toBeUndefined();
    expect(step('no').retry).toEqual({ max_attempts: 1, backoff_ms: 0, backoff_multiplier: 2 });
  });

  it('starts at nodes without incoming edges when there is no trigger', () => {
    const chain = buildExecutionPlan(
      {
        nodes: [node('a', 'step', { message: 'a' }), node('b', 'step', { message: 'b' })],
        edges: [{ id: 'e', source: 'a', target: 'b' }],
      },
      registry,
    );
    expect(chain.steps.map((s) => [s.id, s.isEntry, s.reachable])).toEqual([
      ['a', true, true],
      ['b', false, true],
    ]);
  });

  it('does not change the document', () => {
    const copy = structuredClone(workflow);
    buildExecutionPlan(workflow, registry);
    expect(workflow).toEqual(copy);
  });
});
