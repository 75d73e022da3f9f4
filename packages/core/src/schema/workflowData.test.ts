import { describe, expect, it } from 'vitest';
import {
  NodeSettingsSchema,
  RetrySettingsSchema,
  WorkflowDataSchema,
  WorkflowEdgeSchema,
  WorkflowNodeDataSchema,
  WorkflowNodeSchema,
} from './workflowData';

function paths(result: { error?: { issues: Array<{ path: PropertyKey[] }> } }): string[] {
  return (result.error?.issues ?? []).map((issue) => issue.path.map(String).join('.'));
}

describe('WorkflowNodeSchema', () => {
  it('fills in position and data when they are left out', () => {
    expect(WorkflowNodeSchema.parse({ id: 'n1', type: 'log' })).toEqual({
      id: 'n1',
      type: 'log',
      position: { x: 0, y: 0 },
      data: { parameters: {} },
    });
  });

  it('fills in parameters when data has none', () => {
    const node = WorkflowNodeSchema.parse({ id: 'n1', type: 'log', data: { label: 'Say hi' } });
    expect(node.data).toEqual({ parameters: {}, label: 'Say hi' });
  });

  it('keeps the fields @xyflow/react adds (width, selected, ...)', () => {
    const node = WorkflowNodeSchema.parse({
      id: 'n1',
      type: 'log',
      width: 120,
      selected: true,
      data: { parameters: {}, custom: 1 },
    });
    expect(node).toMatchObject({ width: 120, selected: true, data: { custom: 1 } });
  });

  it('rejects an empty id and an empty type', () => {
    expect(paths(WorkflowNodeSchema.safeParse({ id: '', type: '' }))).toEqual(['id', 'type']);
  });

  it('rejects a node without id or type', () => {
    expect(paths(WorkflowNodeSchema.safeParse({}))).toEqual(['id', 'type']);
  });

  it('rejects parameters that are not an object', () => {
    expect(
      paths(WorkflowNodeSchema.safeParse({ id: 'n', type: 't', data: { parameters: [1] } })),
    ).toEqual(['data.parameters']);
  });

  it('rejects a position without numbers', () => {
    expect(
      paths(WorkflowNodeSchema.safeParse({ id: 'n', type: 't', position: { x: '1' } })),
    ).toEqual(['position.x', 'position.y']);
  });

  it('applies the retry defaults inside settings', () => {
    const node = WorkflowNodeSchema.parse({
      id: 'n',
      type: 't',
      data: { parameters: {}, settings: { timeout_ms: 500, retry: { max_attempts: 3 } } },
    });
    expect(node.data.settings).toEqual({
      timeout_ms: 500,
      retry: { max_attempts: 3, backoff_ms: 0, backoff_multiplier: 2 },
    });
  });
});

describe('RetrySettingsSchema', () => {
  it('defaults to one attempt, no wait, multiplier 2', () => {
    expect(RetrySettingsSchema.parse({})).toEqual({
      max_attempts: 1,
      backoff_ms: 0,
      backoff_multiplier: 2,
    });
  });

  it('rejects zero attempts, a negative wait and a multiplier below 1', () => {
    expect(
      paths(
        RetrySettingsSchema.safeParse({ max_attempts: 0, backoff_ms: -1, backoff_multiplier: 0.5 }),
      ),
    ).toEqual(['max_attempts', 'backoff_ms', 'backoff_multiplier']);
  });

  it('rejects a fractional attempt count', () => {
    expect(paths(RetrySettingsSchema.safeParse({ max_attempts: 1.5 }))).toEqual(['max_attempts']);
  });
});

describe('NodeSettingsSchema', () => {
  it('accepts empty settings', () => {
    expect(NodeSettingsSchema.parse({})).toEqual({});
  });

  it('rejects a zero or negative timeout', () => {
    expect(paths(NodeSettingsSchema.safeParse({ timeout_ms: 0 }))).toEqual(['timeout_ms']);
    expect(paths(NodeSettingsSchema.safeParse({ timeout_ms: -5 }))).toEqual(['timeout_ms']);
  });

  it('rejects a timeout over a day', () => {
    expect(paths(NodeSettingsSchema.safeParse({ timeout_ms: 86_400_001 }))).toEqual(['timeout_ms']);
  });

  it('accepts the three on_error choices and nothing else', () => {
    for (const on_error of ['fail', 'error_branch', 'continue']) {
      expect(NodeSettingsSchema.parse({ on_error })).toEqual({ on_error });
    }
    expect(paths(NodeSettingsSchema.safeParse({ on_error: 'retry' }))).toEqual(['on_error']);
  });
});

describe('WorkflowNodeDataSchema', () => {
  it('accepts disabled as a boolean only', () => {
    expect(WorkflowNodeDataSchema.parse({ disabled: true })).toEqual({
      parameters: {},
      disabled: true,
    });
    expect(paths(WorkflowNodeDataSchema.safeParse({ disabled: 'yes' }))).toEqual(['disabled']);
  });
});

describe('WorkflowEdgeSchema', () => {
  it('accepts an edge with both handles', () => {
    const edge = { id: 'e', source: 'a', sourceHandle: 'true', target: 'b', targetHandle: 'input' };
    expect(WorkflowEdgeSchema.parse(edge)).toEqual(edge);
  });

  it('accepts omitted and null handles', () => {
    expect(WorkflowEdgeSchema.parse({ id: 'e', source: 'a', target: 'b' })).toEqual({
      id: 'e',
      source: 'a',
      target: 'b',
    });
    expect(
      WorkflowEdgeSchema.parse({
        id: 'e',
        source: 'a',
        target: 'b',
        sourceHandle: null,
        targetHandle: null,
      }),
    ).toMatchObject({ sourceHandle: null, targetHandle: null });
  });

  it('rejects empty id, source and target', () => {
    expect(paths(WorkflowEdgeSchema.safeParse({ id: '', source: '', target: '' }))).toEqual([
      'id',
      'source',
      'target',
    ]);
  });

  it('rejects a handle that is a number', () => {
    expect(
      paths(WorkflowEdgeSchema.safeParse({ id: 'e', source: 'a', target: 'b', sourceHandle: 1 })),
    ).toEqual(['sourceHandle']);
  });
});

describe('WorkflowDataSchema', () => {
  it('defaults edges to an empty list', () => {
    expect(WorkflowDataSchema.parse({ nodes: [] })).toEqual({ nodes: [], edges: [] });
  });

  it('keeps extra top-level fields such as the viewport', () => {
    const data = WorkflowDataSchema.parse({
      nodes: [],
      edges: [],
      viewport: { x: 0, y: 0, zoom: 1 },
    });
    expect(data).toMatchObject({ viewport: { x: 0, y: 0, zoom: 1 } });
  });

  it('requires nodes', () => {
    expect(paths(WorkflowDataSchema.safeParse({ edges: [] }))).toEqual(['nodes']);
  });

  it('reports each bad node and edge with its index', () => {
    const result = WorkflowDataSchema.safeParse({
      nodes: [{ id: 'a', type: 't' }, { id: 'b' }],
      edges: [{ id: 'e', source: 'a' }],
    });
    expect(paths(result)).toEqual(['nodes.1.type', 'edges.0.target']);
  });

  it('rejects input that is not an object', () => {
    for (const input of [null, 1, 'x', []]) {
      expect(WorkflowDataSchema.safeParse(input).success).toBe(false);
    }
  });
});
