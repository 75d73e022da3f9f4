import { describe, expect, it } from 'vitest';
import { FlowloomError } from '../errors/FlowloomError';
import { componentRegistry } from '../registry/defaultRegistry';
import type { WorkflowIssue } from '../schema/workflowValidation';
import { buildExecutionPlan } from './buildExecutionPlan';
import { validateWorkflow } from './validateWorkflow';

const trigger = { id: 'start', type: 'manual_trigger' };

function logNode(id: string, message: unknown = 'hi') {
  return { id, type: 'log', data: { parameters: { message } } };
}

/** A valid workflow: a trigger, then a chain of `count` log steps. */
function chainWorkflow(count: number) {
  const nodes = [trigger, ...Array.from({ length: count }, (_, at) => logNode(`log${at}`))];
  const edges = nodes
    .slice(1)
    .map((node, at) => ({ id: `e${at}`, source: nodes[at]!.id, target: node.id }));
  return { nodes, edges };
}

/** A trigger, then one log step whose message is `message`. */
function logWorkflow(message: unknown) {
  return {
    nodes: [trigger, logNode('log', message)],
    edges: [{ id: 'e', source: 'start', target: 'log' }],
  };
}

/** `{"a":{"a":...}}` nested `levels` deep, built without recursion. */
function nested(levels: number): Record<string, unknown> {
  let value: Record<string, unknown> = {};
  for (let level = 1; level < levels; level += 1) value = { a: value };
  return value;
}

function codes(issues: readonly WorkflowIssue[]): string[] {
  return issues.map((issue) => issue.code);
}

describe('validateWorkflow limits on size', () => {
  it('refuses more than 5,000 nodes with one TOO_MANY_NODES issue', () => {
    const result = validateWorkflow(chainWorkflow(5_000));
    expect(result.valid).toBe(false);
    expect(result.errors).toEqual([
      expect.objectContaining({
        code: 'TOO_MANY_NODES',
        severity: 'error',
        field: 'nodes',
        message: 'The workflow has 5001 nodes; at most 5000 are allowed',
      }),
    ]);
  });

  it('accepts exactly maxNodes nodes', () => {
    expect(validateWorkflow(chainWorkflow(2), undefined, { limits: { maxNodes: 3 } }).valid).toBe(
      true,
    );
  });

  it('does not parse the nodes of a document over the node limit', () => {
    const junk = { nodes: Array.from({ length: 11 }, () => 42), edges: 'not an array' };
    const result = validateWorkflow(junk, undefined, { limits: { maxNodes: 10 } });
    expect(codes(result.errors)).toEqual(['TOO_MANY_NODES']);
  });

  it('refuses more than 20,000 edges with one TOO_MANY_EDGES issue', () => {
    const edges = Array.from({ length: 20_001 }, (_, at) => ({ id: `e${at}`, source: 'x' }));
    const result = validateWorkflow({ nodes: [trigger], edges });
    expect(result.valid).toBe(false);
    expect(result.errors).toEqual([
      expect.objectContaining({ code: 'TOO_MANY_EDGES', field: 'edges' }),
    ]);
  });

  it('takes maxEdges from the limits option', () => {
    const result = validateWorkflow(chainWorkflow(3), undefined, { limits: { maxEdges: 2 } });
    expect(codes(result.errors)).toEqual(['TOO_MANY_EDGES']);
  });

  it('reports both counts when both are over', () => {
    const result = validateWorkflow(chainWorkflow(3), undefined, {
      limits: { maxNodes: 1, maxEdges: 1 },
    });
    expect(codes(result.errors)).toEqual(['TOO_MANY_NODES', 'TOO_MANY_EDGES']);
  });

  it('makes buildExecutionPlan refuse a document over the limits', () => {
    try {
      buildExecutionPlan(chainWorkflow(3), componentRegistry, { limits: { maxNodes: 2 } });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(FlowloomError);
      expect((error as FlowloomError).code).toBe('INVALID_WORKFLOW');
      expect((error as FlowloomError).issues).toEqual([
        { path: 'nodes', message: 'The workflow has 4 nodes; at most 2 are allowed' },
      ]);
    }
  });
});

describe('validateWorkflow limits on nesting', () => {
  it('refuses a parameter nested 100,000 levels deep with one TOO_DEEP issue', () => {
    const workflow = logWorkflow(nested(100_000));
    const result = validateWorkflow(workflow);
    expect(result.valid).toBe(false);
    expect(result.errors).toHaveLength(1);
    const [issue] = result.errors;
    expect(issue).toMatchObject({ code: 'TOO_DEEP', severity: 'error' });
    // Levels: document, nodes, node, data, parameters, message, then 59 nested `a`s.
    expect(issue!.field).toBe(`nodes.1.data.parameters.message.${Array(59).fill('a').join('.')}`);
    expect(issue!.message).toContain('nests deeper than 64 levels');
  });

  it('refuses an extra key nested too deep', () => {
    const result = validateWorkflow({ ...chainWorkflow(1), meta: nested(100) });
    expect(result.errors).toEqual([
      expect.objectContaining({ code: 'TOO_DEEP', field: expect.stringMatching(/^meta\.a\.a/) }),
    ]);
  });

  it('takes maxJsonDepth from the limits option', () => {
    const workflow = chainWorkflow(1);
    expect(validateWorkflow(workflow, undefined, { limits: { maxJsonDepth: 5 } }).valid).toBe(true);
    const result = validateWorkflow(workflow, undefined, { limits: { maxJsonDepth: 4 } });
    expect(result.errors).toEqual([
      expect.objectContaining({ code: 'TOO_DEEP', field: 'nodes.1.data.parameters' }),
    ]);
  });

  it('accepts a document as deep as maxJsonDepth', () => {
    // Levels: document, nodes, node, data, parameters, message, then 58 more: 64 in all.
    const workflow = logWorkflow(nested(59));
    expect(codes(validateWorkflow(workflow).errors)).not.toContain('TOO_DEEP');
  });
});

describe('validateWorkflow limits on expressions', () => {
  it('refuses an expression longer than 10,000 characters as INVALID_EXPRESSION', () => {
    const workflow = logWorkflow(`Hi {{ input.${'a'.repeat(10_000)} }}`);
    const [issue] = validateWorkflow(workflow).errors;
    expect(issue).toMatchObject({ code: 'INVALID_EXPRESSION', node_id: 'log', field: 'message' });
    expect(issue!.message).toMatch(/is longer than 10000 characters$/);
  });

  it('takes maxExpressionLength from the limits option', () => {
    const workflow = logWorkflow('{{ input.name }}');
    const limits = { maxExpressionLength: 5 };
    expect(validateWorkflow(workflow, undefined, { limits }).errors).toEqual([
      expect.objectContaining({ code: 'INVALID_EXPRESSION', node_id: 'log', field: 'message' }),
    ]);
  });

  it('answers a saved expression opening a key with 42 backslashes', () => {
    const workflow = logWorkflow(`{{ input["${'\\'.repeat(42)}x }}`);
    expect(validateWorkflow(workflow).errors).toEqual([
      expect.objectContaining({ code: 'INVALID_EXPRESSION', node_id: 'log', field: 'message' }),
    ]);
  });
});

describe('validateWorkflow reserved ids', () => {
  it.each(['__proto__', 'constructor', 'prototype'])('refuses node id "%s"', (id) => {
    const workflow = {
      nodes: [trigger, logNode(id)],
      edges: [{ id: 'e', source: 'start', target: id }],
    };
    const result = validateWorkflow(workflow);
    expect(result.valid).toBe(false);
    // The edge into it is not reported again as leading to an unknown node.
    expect(result.errors.filter((issue) => issue.severity === 'error')).toEqual([
      {
        code: 'RESERVED_ID',
        message: `Node id "${id}" is reserved`,
        severity: 'error',
        node_id: id,
        field: 'id',
      },
    ]);
  });

  it('refuses a reserved edge id', () => {
    const workflow = chainWorkflow(1);
    workflow.edges[0]!.id = '__proto__';
    expect(validateWorkflow(workflow).errors).toContainEqual({
      code: 'RESERVED_ID',
      message: 'Edge id "__proto__" is reserved',
      severity: 'error',
      edge_id: '__proto__',
      field: 'id',
    });
  });

  it.each(['sourceHandle', 'targetHandle'] as const)('refuses a reserved %s', (field) => {
    const workflow = {
      nodes: [trigger, logNode('log')],
      edges: [{ id: 'e', source: 'start', target: 'log', [field]: 'constructor' }],
    };
    expect(validateWorkflow(workflow).errors).toContainEqual({
      code: 'RESERVED_ID',
      message: 'Edge "e" uses reserved handle id "constructor"',
      severity: 'error',
      edge_id: 'e',
      field,
    });
  });

  it('accepts ids that only contain a reserved word', () => {
    const workflow = {
      nodes: [trigger, logNode('__proto__x'), logNode('my-constructor')],
      edges: [
        { id: 'prototype1', source: 'start', target: '__proto__x' },
        { id: 'e2', source: '__proto__x', target: 'my-constructor' },
      ],
    };
    expect(validateWorkflow(workflow)).toEqual({ valid: true, errors: [] });
  });

  it('treats ids naming Object.prototype members like any other id', () => {
    const ids = ['toString', 'hasOwnProperty', 'valueOf'];
    const workflow = {
      nodes: [trigger, ...ids.map((id) => logNode(id, `{{ steps.start.a }}`))],
      edges: ids.map((id, at) => ({
        id: `e${at}`,
        source: at === 0 ? 'start' : ids[at - 1]!,
        target: id,
      })),
    };
    expect(validateWorkflow(workflow)).toEqual({ valid: true, errors: [] });
    const plan = buildExecutionPlan(workflow, componentRegistry);
    expect(plan.steps.map((step) => step.id)).toEqual(['start', ...ids]);
    expect(plan.indexById.get('valueOf')).toBe(3);
  });
});
