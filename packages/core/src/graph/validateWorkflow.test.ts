import { describe, expect, it } from 'vitest';
import { ComponentRegistry } from '../registry/ComponentRegistry';
import { componentRegistry } from '../registry/defaultRegistry';
import { defineComponent } from '../registry/defineComponent';
import { ComponentCategory } from '../schema/componentCategory';
import { ParameterType } from '../schema/parameterType';
import { type WorkflowIssue, WorkflowValidationResultSchema } from '../schema/workflowValidation';
import { validateWorkflow } from './validateWorkflow';

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
        parameters: [{ name: 'note', label: 'Note', type: ParameterType.STRING }],
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
      defineComponent({
        type: 'join',
        name: 'Join',
        category: ComponentCategory.LOGIC,
        input_handles: [
          { id: 'left', type: 'target', position: 'left' },
          { id: 'right', type: 'target', position: 'top' },
        ],
        execute: ok,
      }),
      defineComponent({
        type: 'typed',
        name: 'Typed',
        category: ComponentCategory.INTEGRATIONS,
        parameters: [
          { name: 'url', label: 'URL', type: ParameterType.STRING, required: true },
          {
            name: 'count',
            label: 'Count',
            type: ParameterType.NUMBER,
            required: true,
            min: 1,
            max: 10,
          },
          { name: 'enabled', label: 'Enabled', type: ParameterType.BOOLEAN, required: true },
          {
            name: 'mode',
            label: 'Mode',
            type: ParameterType.SELECT,
            required: true,
            options: ['a', 'b'],
          },
          { name: 'limit', label: 'Limit', type: ParameterType.NUMBER, default: 5 },
        ],
        execute: ok,
      }),
    ],
  });
}

const registry = createRegistry();

function node(id: string, type: string, parameters: Record<string, unknown> = {}) {
  return { id, type, position: { x: 0, y: 0 }, data: { parameters } };
}

function edge(
  id: string,
  source: string,
  target: string,
  sourceHandle?: string | null,
  targetHandle?: string | null,
) {
  return { id, source, target, sourceHandle, targetHandle };
}

const typedParameters = { url: 'https://example.com', count: 2, enabled: true, mode: 'a' };

function validate(workflow: unknown) {
  return validateWorkflow(workflow, registry);
}

function codes(issues: WorkflowIssue[]): string[] {
  return issues.map((issue) => issue.code);
}

function only(workflow: unknown, code: WorkflowIssue['code']): WorkflowIssue[] {
  return validate(workflow).errors.filter((issue) => issue.code === code);
}

describe('validateWorkflow on any JSON value', () => {
  let deep: unknown = 'bottom';
  for (let level = 0; level < 5_000; level += 1) deep = { a: deep };

  const inputs: Array<[string, unknown]> = [
    ['null', null],
    ['undefined', undefined],
    ['a number', 42],
    ['a string', 'x'],
    ['a boolean', true],
    ['an array', []],
    ['an empty object', {}],
    ['nodes as a string', { nodes: 'x' }],
    ['nodes as null', { nodes: null }],
    ['nodes as an object', { nodes: { a: 1 } }],
    ['null nodes', { nodes: [null, null] }],
    ['primitive nodes', { nodes: [1, 'x', true, []] }],
    ['a node without id', { nodes: [{ type: 'step' }] }],
    ['a node with a numeric id', { nodes: [{ id: 1, type: 'step' }] }],
    ['a node with data null', { nodes: [{ id: 'a', type: 'step', data: null }] }],
    ['parameters as an array', { nodes: [{ id: 'a', type: 'step', data: { parameters: [] } }] }],
    ['edges as a string', { nodes: [node('t', 'trigger')], edges: 'x' }],
    ['null edges', { nodes: [node('t', 'trigger')], edges: [null, 5, {}] }],
    ['edges without nodes', { edges: [edge('e', 'a', 'b')] }],
    [
      'a deeply nested parameter',
      { nodes: [node('t', 'trigger'), node('a', 'typed', { mode: deep })] },
    ],
    ['a prototype-named node type', { nodes: [node('a', 'constructor'), node('b', '__proto__')] }],
  ];

  it.each(inputs)('does not throw for %s and reports it as invalid', (_name, input) => {
    const result = validate(input);
    expect(result.valid).toBe(false);
    expect(result.errors.length).toBeGreaterThan(0);
    expect(WorkflowValidationResultSchema.parse(result)).toEqual(result);
  });

  it('reports a non-object document as MALFORMED_WORKFLOW', () => {
    for (const input of [null, 42, 'x', []]) {
      expect(validate(input).errors).toEqual([
        {
          code: 'MALFORMED_WORKFLOW',
          message: 'A workflow must be an object with "nodes" and "edges" arrays',
          severity: 'error',
        },
      ]);
    }
  });

  it('reports missing or non-array nodes with field "nodes"', () => {
    for (const input of [{}, { nodes: 'x' }]) {
      expect(validate(input).errors).toEqual([
        {
          code: 'MALFORMED_WORKFLOW',
          message: '"nodes" must be an array',
          severity: 'error',
          field: 'nodes',
        },
      ]);
    }
  });

  it('reports non-array edges with field "edges"', () => {
    const issues = only({ nodes: [node('t', 'trigger')], edges: 'x' }, 'MALFORMED_WORKFLOW');
    expect(issues).toEqual([
      expect.objectContaining({ field: 'edges', message: '"edges" must be an array' }),
    ]);
  });

  it('reports a node without id with the field path of the id', () => {
    const issues = only({ nodes: [node('t', 'trigger'), { type: 'step' }] }, 'MALFORMED_WORKFLOW');
    expect(issues).toEqual([expect.objectContaining({ field: 'nodes.1.id', severity: 'error' })]);
  });

  it('names the node of a malformed node when it has an id', () => {
    const issues = only(
      { nodes: [node('t', 'trigger'), { id: 'a', type: 'step', data: { parameters: 5 } }] },
      'MALFORMED_WORKFLOW',
    );
    expect(issues).toEqual([
      expect.objectContaining({ node_id: 'a', field: 'nodes.1.data.parameters' }),
    ]);
  });

  it('reports a malformed edge with its edge id and field path', () => {
    const issues = only(
      { nodes: [node('t', 'trigger')], edges: [{ id: 'e1', source: 't' }] },
      'MALFORMED_WORKFLOW',
    );
    expect(issues).toEqual([expect.objectContaining({ edge_id: 'e1', field: 'edges.0.target' })]);
  });

  it('keeps checking the other nodes when one is malformed', () => {
    const result = validate({
      nodes: [node('t', 'trigger'), { type: 'step' }, node('b', 'nope')],
      edges: [edge('e1', 't', 'b')],
    });
    expect(codes(result.errors)).toEqual(['MALFORMED_WORKFLOW', 'UNKNOWN_COMPONENT_TYPE']);
  });

  it('does not report edges to a malformed node as edges to a missing node', () => {
    const result = validate({
      nodes: [node('t', 'trigger'), { id: 'a', type: 'step', data: { parameters: 'x' } }],
      edges: [edge('e1', 't', 'a')],
    });
    expect(codes(result.errors)).toEqual(['MALFORMED_WORKFLOW']);
  });
});

describe('validateWorkflow on a valid workflow', () => {
  it('accepts a trigger → step → branch → two steps workflow with no issue', () => {
    const result = validate({
      nodes: [
        node('start', 'trigger'),
        node('node-1', 'step', { note: 'hi' }),
        node('check', 'branch'),
        node('yes', 'typed', typedParameters),
        node('no', 'step'),
      ],
      edges: [
        edge('e1', 'start', 'node-1'),
        edge('e2', 'node-1', 'check', null, null),
        edge('e3', 'check', 'yes', 'true'),
        edge('e4', 'check', 'no', 'false', 'input'),
      ],
    });
    expect(result).toEqual({ valid: true, errors: [] });
  });

  it('accepts a workflow without edges (edges may be left out)', () => {
    expect(validate({ nodes: [node('t', 'trigger')] })).toEqual({ valid: true, errors: [] });
  });

  it('accepts a workflow without triggers that starts at its nodes without incoming edges', () => {
    const result = validate({
      nodes: [node('a', 'step'), node('b', 'step')],
      edges: [edge('e', 'a', 'b')],
    });
    expect(result).toEqual({ valid: true, errors: [] });
  });

  it('accepts expressions referring to other steps, the input and variables', () => {
    const result = validate({
      nodes: [
        node('t', 'trigger'),
        node('a', 'step', { note: 'From {{ steps.t.x }} and {{ input.y }}' }),
        node('b', 'typed', {
          url: '{{ steps.a.url }}',
          count: '{{ input.count }}',
          enabled: '{{ vars.flag }}',
          mode: '{{ steps["t"].mode }}',
        }),
      ],
      edges: [edge('e1', 't', 'a'), edge('e2', 'a', 'b')],
    });
    expect(result).toEqual({ valid: true, errors: [] });
  });

  it('does not change the document', () => {
    const workflow = {
      nodes: [node('t', 'trigger'), node('a', 'step')],
      edges: [edge('e', 't', 'a')],
    };
    const copy = structuredClone(workflow);
    validate(workflow);
    expect(workflow).toEqual(copy);
  });

  it('uses the default registry when none is given', () => {
    const type = 'validate_workflow_test_component';
    componentRegistry.registerComponent(
      defineComponent({ type, name: 'Test', category: ComponentCategory.UTILITIES, execute: ok }),
    );
    try {
      expect(validateWorkflow({ nodes: [node('a', type)] })).toEqual({ valid: true, errors: [] });
    } finally {
      componentRegistry.unregisterComponent(type);
    }
    expect(codes(validateWorkflow({ nodes: [node('a', type)] }).errors)).toEqual([
      'UNKNOWN_COMPONENT_TYPE',
    ]);
  });
});

describe('validateWorkflow structure checks', () => {
  it('reports a duplicate node id', () => {
    const result = validate({
      nodes: [node('t', 'trigger'), node('a', 'step'), node('a', 'step')],
      edges: [edge('e', 't', 'a')],
    });
    expect(result.valid).toBe(false);
    expect(result.errors).toEqual([
      {
        code: 'DUPLICATE_NODE_ID',
        message: 'Node id "a" is used by more than one node',
        severity: 'error',
        node_id: 'a',
      },
    ]);
  });

  it('reports a duplicate edge id', () => {
    const result = validate({
      nodes: [node('t', 'trigger'), node('a', 'step'), node('b', 'step')],
      edges: [edge('e', 't', 'a'), edge('e', 'a', 'b')],
    });
    expect(result.errors).toEqual([
      expect.objectContaining({ code: 'DUPLICATE_EDGE_ID', edge_id: 'e', severity: 'error' }),
      // The duplicate edge is dropped, so nothing reaches b.
      expect.objectContaining({ code: 'UNREACHABLE_NODE', node_id: 'b' }),
    ]);
  });

  it('reports an unknown component type on its node', () => {
    expect(
      only(
        { nodes: [node('t', 'trigger'), node('x', 'teleport')], edges: [edge('e', 't', 'x')] },
        'UNKNOWN_COMPONENT_TYPE',
      ),
    ).toEqual([
      {
        code: 'UNKNOWN_COMPONENT_TYPE',
        message: 'Unknown component type "teleport"',
        severity: 'error',
        node_id: 'x',
        field: 'type',
      },
    ]);
  });

  it('reports an edge leaving a missing node', () => {
    const issues = only(
      { nodes: [node('a', 'step')], edges: [edge('e', 'ghost', 'a')] },
      'MISSING_NODE',
    );
    expect(issues).toEqual([
      {
        code: 'MISSING_NODE',
        message: 'Edge "e" leaves unknown node "ghost"',
        severity: 'error',
        edge_id: 'e',
        field: 'source',
      },
    ]);
  });

  it('reports an edge entering a missing node', () => {
    const issues = only(
      { nodes: [node('t', 'trigger')], edges: [edge('e', 't', 'ghost')] },
      'MISSING_NODE',
    );
    expect(issues).toEqual([
      expect.objectContaining({
        edge_id: 'e',
        field: 'target',
        message: 'Edge "e" enters unknown node "ghost"',
      }),
    ]);
  });

  it('reports both ends of an edge between two missing nodes', () => {
    const issues = only(
      { nodes: [node('t', 'trigger')], edges: [edge('e', 'x', 'y')] },
      'MISSING_NODE',
    );
    expect(issues.map((issue) => issue.field)).toEqual(['source', 'target']);
  });

  it('reports an unknown source handle', () => {
    const issues = only(
      {
        nodes: [node('t', 'trigger'), node('c', 'branch'), node('a', 'step')],
        edges: [edge('e1', 't', 'c'), edge('e2', 'c', 'a', 'maybe')],
      },
      'UNKNOWN_HANDLE',
    );
    expect(issues).toEqual([
      {
        code: 'UNKNOWN_HANDLE',
        message: 'Edge "e2" uses unknown output handle "maybe" of node "c" (has: true, false)',
        severity: 'error',
        edge_id: 'e2',
        node_id: 'c',
        field: 'sourceHandle',
      },
    ]);
  });

  it('reports an unknown target handle', () => {
    const issues = only(
      {
        nodes: [node('t', 'trigger'), node('a', 'step')],
        edges: [edge('e', 't', 'a', null, 'side')],
      },
      'UNKNOWN_HANDLE',
    );
    expect(issues).toEqual([
      expect.objectContaining({ edge_id: 'e', node_id: 'a', field: 'targetHandle' }),
    ]);
  });

  it('reports an edge into a trigger, which has no input handle', () => {
    const issues = only(
      { nodes: [node('a', 'step'), node('t', 'trigger')], edges: [edge('e', 'a', 't')] },
      'UNKNOWN_HANDLE',
    );
    expect(issues).toEqual([
      expect.objectContaining({
        message: 'Edge "e" connects to node "t", which has no input handle',
        node_id: 't',
        field: 'targetHandle',
      }),
    ]);
  });

  it('reports an omitted source handle on a component with several outputs as ambiguous', () => {
    const issues = only(
      {
        nodes: [node('t', 'trigger'), node('c', 'branch'), node('a', 'step')],
        edges: [edge('e1', 't', 'c'), edge('e2', 'c', 'a')],
      },
      'AMBIGUOUS_HANDLE',
    );
    expect(issues).toEqual([
      {
        code: 'AMBIGUOUS_HANDLE',
        message: 'Edge "e2" must name which output handle of node "c" it uses: true, false',
        severity: 'error',
        edge_id: 'e2',
        node_id: 'c',
        field: 'sourceHandle',
      },
    ]);
  });

  it('reports an omitted target handle on a component with several inputs as ambiguous', () => {
    const issues = only(
      {
        nodes: [node('t', 'trigger'), node('j', 'join')],
        edges: [edge('e', 't', 'j', 'output', null)],
      },
      'AMBIGUOUS_HANDLE',
    );
    expect(issues).toEqual([expect.objectContaining({ node_id: 'j', field: 'targetHandle' })]);
  });

  it('accepts named handles on a component with several inputs', () => {
    const result = validate({
      nodes: [node('t', 'trigger'), node('a', 'step'), node('j', 'join')],
      edges: [
        edge('e1', 't', 'a'),
        edge('e2', 't', 'j', null, 'left'),
        edge('e3', 'a', 'j', null, 'right'),
      ],
    });
    expect(result).toEqual({ valid: true, errors: [] });
  });
});

describe('validateWorkflow cycle checks', () => {
  it('reports a cycle naming a node on it', () => {
    const issues = only(
      {
        nodes: [node('t', 'trigger'), node('a', 'step'), node('b', 'step'), node('c', 'step')],
        edges: [
          edge('e0', 't', 'a'),
          edge('e1', 'a', 'b'),
          edge('e2', 'b', 'c'),
          edge('e3', 'c', 'a'),
        ],
      },
      'CYCLE',
    );
    expect(issues).toEqual([
      {
        code: 'CYCLE',
        message: 'The workflow has a cycle: a → b → c → a',
        severity: 'error',
        node_id: 'a',
      },
    ]);
  });

  it('reports a self-loop with its edge', () => {
    const issues = only(
      {
        nodes: [node('t', 'trigger'), node('a', 'step')],
        edges: [edge('e0', 't', 'a'), edge('loop', 'a', 'a')],
      },
      'CYCLE',
    );
    expect(issues).toEqual([
      {
        code: 'CYCLE',
        message: 'Edge "loop" connects node "a" to itself',
        severity: 'error',
        node_id: 'a',
        edge_id: 'loop',
      },
    ]);
  });

  it('reports two separate cycles as two issues', () => {
    const issues = only(
      {
        nodes: ['t', 'a', 'b', 'c', 'd', 'x'].map((id) =>
          node(id, id === 't' ? 'trigger' : 'step'),
        ),
        edges: [
          edge('e0', 't', 'a'),
          edge('e1', 'a', 'b'),
          edge('e2', 'b', 'a'),
          edge('e3', 'b', 'c'),
          edge('e4', 'c', 'd'),
          edge('e5', 'd', 'c'),
          edge('e6', 'd', 'x'),
        ],
      },
      'CYCLE',
    );
    expect(issues.map((issue) => issue.node_id)).toEqual(['a', 'c']);
    expect(issues.map((issue) => issue.message)).toEqual([
      'The workflow has a cycle: a → b → a',
      'The workflow has a cycle: c → d → c',
    ]);
  });

  it('does not report a node downstream of a cycle as a cycle of its own', () => {
    const issues = only(
      {
        nodes: ['t', 'a', 'b', 'd', 'e'].map((id) => node(id, id === 't' ? 'trigger' : 'step')),
        edges: [
          edge('e0', 't', 'a'),
          edge('e1', 'a', 'b'),
          edge('e2', 'b', 'a'),
          edge('e3', 'b', 'd'),
          edge('e4', 'd', 'e'),
        ],
      },
      'CYCLE',
    );
    expect(issues).toHaveLength(1);
    expect(['a', 'b']).toContain(issues[0]?.node_id);
  });

  it('reports a workflow that is one cycle without trigger as having no entry node', () => {
    const result = validate({
      nodes: [node('a', 'step'), node('b', 'step')],
      edges: [edge('e1', 'a', 'b'), edge('e2', 'b', 'a')],
    });
    expect(codes(result.errors)).toEqual(['CYCLE', 'NO_ENTRY_NODE']);
  });
});

describe('validateWorkflow parameter checks', () => {
  function withTyped(parameters: Record<string, unknown>) {
    return {
      nodes: [node('t', 'trigger'), node('n1', 'typed', parameters)],
      edges: [edge('e', 't', 'n1')],
    };
  }

  it('reports a missing required parameter with its node and field', () => {
    const { url: _url, ...withoutUrl } = typedParameters;
    expect(validate(withTyped(withoutUrl)).errors).toEqual([
      {
        code: 'MISSING_REQUIRED_PARAMETER',
        message: 'URL is required',
        severity: 'error',
        node_id: 'n1',
        field: 'url',
      },
    ]);
  });

  it('reports a parameter of the wrong type with its node and field', () => {
    expect(validate(withTyped({ ...typedParameters, count: 'two' })).errors).toEqual([
      {
        code: 'INVALID_PARAMETER_TYPE',
        message: 'Count must be a number, got a string',
        severity: 'error',
        node_id: 'n1',
        field: 'count',
      },
    ]);
  });

  it('reports a value out of bounds or not an option as INVALID_PARAMETER_VALUE', () => {
    const issues = validate(withTyped({ ...typedParameters, count: 11, mode: 'c' })).errors;
    expect(issues.map((issue) => [issue.code, issue.field])).toEqual([
      ['INVALID_PARAMETER_VALUE', 'count'],
      ['INVALID_PARAMETER_VALUE', 'mode'],
    ]);
    expect(issues.every((issue) => issue.severity === 'error')).toBe(true);
  });

  it('reports an unknown parameter as a warning only', () => {
    const result = validate(withTyped({ ...typedParameters, colour: 'red' }));
    expect(result.valid).toBe(true);
    expect(result.errors).toEqual([
      {
        code: 'UNKNOWN_PARAMETER',
        message: 'Unknown parameter "colour"',
        severity: 'warning',
        node_id: 'n1',
        field: 'colour',
      },
    ]);
  });

  it('reports an unclosed {{ as INVALID_EXPRESSION', () => {
    expect(
      validate(withTyped({ ...typedParameters, url: 'https://{{ input.host' })).errors,
    ).toEqual([
      {
        code: 'INVALID_EXPRESSION',
        message: 'Expression "{{ input.host }}" is not closed with "}}"',
        severity: 'error',
        node_id: 'n1',
        field: 'url',
      },
    ]);
  });

  it('reports an expression with an unknown root as INVALID_EXPRESSION', () => {
    const issues = validate(withTyped({ ...typedParameters, count: '{{ env.COUNT }}' })).errors;
    expect(issues).toEqual([
      expect.objectContaining({ code: 'INVALID_EXPRESSION', node_id: 'n1', field: 'count' }),
    ]);
  });

  it('reports an expression referring to an unknown step as INVALID_EXPRESSION', () => {
    expect(
      validate(withTyped({ ...typedParameters, url: '{{ steps.ghost.url }}' })).errors,
    ).toEqual([
      {
        code: 'INVALID_EXPRESSION',
        message: 'Expression "{{ steps.ghost.url }}" refers to unknown step "ghost"',
        severity: 'error',
        node_id: 'n1',
        field: 'url',
      },
    ]);
  });

  it('finds bad expressions nested in objects and arrays', () => {
    const issues = only(
      {
        nodes: [
          node('t', 'trigger'),
          node('a', 'step', { note: 'x', extra: { list: ['{{ steps.nope }}'] } }),
        ],
        edges: [edge('e', 't', 'a')],
      },
      'INVALID_EXPRESSION',
    );
    expect(issues).toEqual([expect.objectContaining({ node_id: 'a', field: 'extra' })]);
  });

  it('does not call a reference to a malformed node a reference to an unknown step', () => {
    const result = validate({
      nodes: [
        node('t', 'trigger'),
        { id: 'bad', type: 'step', position: 'top-left' },
        node('a', 'step', { note: '{{ steps.bad.x }}' }),
      ],
      edges: [edge('e', 't', 'a')],
    });
    expect(codes(result.errors)).toEqual(['MALFORMED_WORKFLOW']);
  });

  it('does not check parameters of a node with an unknown type', () => {
    const result = validate({
      nodes: [node('t', 'trigger'), node('x', 'nope', { a: 1 })],
      edges: [edge('e', 't', 'x')],
    });
    expect(codes(result.errors)).toEqual(['UNKNOWN_COMPONENT_TYPE']);
  });
});

describe('validateWorkflow entry and reachability', () => {
  it('accepts an empty workflow with an EMPTY_WORKFLOW warning', () => {
    expect(validate({ nodes: [], edges: [] })).toEqual({
      valid: true,
      errors: [
        {
          code: 'EMPTY_WORKFLOW',
          message: 'The workflow has no steps: add a trigger to start from',
          severity: 'warning',
        },
      ],
    });
  });

  it('reports a node no trigger reaches as a warning and stays valid', () => {
    const result = validate({
      nodes: [
        node('t', 'trigger'),
        node('a', 'step'),
        node('lonely', 'step'),
        node('after', 'step'),
      ],
      edges: [edge('e1', 't', 'a'), edge('e2', 'lonely', 'after')],
    });
    expect(result.valid).toBe(true);
    expect(result.errors).toEqual([
      {
        code: 'UNREACHABLE_NODE',
        message: 'Node "lonely" cannot be reached from a trigger and will be skipped',
        severity: 'warning',
        node_id: 'lonely',
      },
      expect.objectContaining({ code: 'UNREACHABLE_NODE', node_id: 'after', severity: 'warning' }),
    ]);
  });

  it('reports a node fed only by a cycle without entry as unreachable', () => {
    const result = validate({
      nodes: [node('start', 'step'), node('a', 'step'), node('b', 'step'), node('c', 'step')],
      edges: [edge('e1', 'a', 'b'), edge('e2', 'b', 'a'), edge('e3', 'b', 'c')],
    });
    expect(codes(result.errors)).toEqual([
      'CYCLE',
      'UNREACHABLE_NODE',
      'UNREACHABLE_NODE',
      'UNREACHABLE_NODE',
    ]);
    expect(result.errors.slice(1).map((issue) => issue.node_id)).toEqual(['a', 'b', 'c']);
  });
});

describe('validateWorkflow with several problems', () => {
  it('reports every problem at once', () => {
    const result = validate({
      nodes: [
        node('t', 'trigger'),
        node('t', 'trigger'),
        node('x', 'teleport'),
        node('n1', 'typed', {
          count: 'many',
          enabled: true,
          mode: 'a',
          url: '{{ steps.ghost.u }}',
        }),
        node('c', 'branch'),
        node('loop', 'step'),
        { type: 'step' },
      ],
      edges: [
        edge('e1', 't', 'n1'),
        edge('e1', 't', 'c'),
        edge('e2', 'n1', 'c'),
        edge('e3', 'c', 'loop'),
        edge('e4', 'loop', 'loop'),
        edge('e5', 'n1', 'missing'),
        edge('e6', 'n1', 'c', 'nope'),
      ],
    });
    expect(result.valid).toBe(false);
    expect(new Set(codes(result.errors))).toEqual(
      new Set([
        'MALFORMED_WORKFLOW',
        'DUPLICATE_NODE_ID',
        'DUPLICATE_EDGE_ID',
        'UNKNOWN_COMPONENT_TYPE',
        'AMBIGUOUS_HANDLE',
        'CYCLE',
        'MISSING_NODE',
        'UNKNOWN_HANDLE',
        'INVALID_PARAMETER_TYPE',
        'INVALID_EXPRESSION',
        'UNREACHABLE_NODE',
      ]),
    );
  });
});
