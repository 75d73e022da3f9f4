import type { z } from 'zod';
import { joinPath } from '../errors/zodIssues';
import type { ComponentRegistry } from '../registry/ComponentRegistry';
import type { RegisteredComponent } from '../registry/registeredComponent';
import { isReservedId } from '../schema/isReservedId';
import {
  type WorkflowData,
  WorkflowDataSchema,
  type WorkflowEdge,
  WorkflowEdgeSchema,
  type WorkflowNode,
  WorkflowNodeSchema,
} from '../schema/workflowData';
import type { WorkflowIssue } from '../schema/workflowValidation';
import { resolveHandle } from './resolveHandle';

/** A node that parsed, with its component when the type is registered. */
export interface IndexedNode {
  node: WorkflowNode;
  component: RegisteredComponent | undefined;
}

/** An edge between two known nodes whose handles resolved. */
export interface IndexedEdge {
  edge: WorkflowEdge;
  source: string;
  sourceHandle: string;
  target: string;
  targetHandle: string;
}

/** The usable parts of a workflow document and every structural problem found on the way. */
export interface WorkflowIndex {
  /** The document as parsed, when it parsed whole. */
  data: WorkflowData | undefined;
  /** Nodes that parsed and have unique ids, by id, in document order. */
  nodes: Map<string, IndexedNode>;
  /** Edges whose ends and handles resolved. */
  edges: IndexedEdge[];
  /** Ids of nodes that exist but failed to parse (they carry their own issue). */
  malformedNodeIds: Set<string>;
  issues: WorkflowIssue[];
}

/**
 * Parses a workflow document part by part, so one malformed node doesn't hide the problems of
 * the rest, and resolves every edge's handles against the components' metadata.
 *
 * @param parsed - the document as `parseWorkflowDocument` already parsed it, when it could.
 */
export function indexWorkflow(
  input: unknown,
  registry: ComponentRegistry,
  parsed?: WorkflowData,
): WorkflowIndex {
  const issues: WorkflowIssue[] = [];
  const nodes = new Map<string, IndexedNode>();
  const edges: IndexedEdge[] = [];
  const malformedNodeIds = new Set<string>();
  const whole = parsed
    ? { success: true as const, data: parsed }
    : WorkflowDataSchema.safeParse(input);
  const rawNodes = whole.success ? whole.data.nodes : readArray(input, 'nodes', issues);
  const rawEdges = whole.success ? whole.data.edges : readArray(input, 'edges', issues, true);
  if (!rawNodes) return { data: undefined, nodes, edges, malformedNodeIds, issues };

  rawNodes.forEach((raw, index) => {
    const node = whole.success
      ? (raw as WorkflowNode)
      : parsePart(WorkflowNodeSchema, raw, `nodes.${index}`, issues, 'node_id');
    if (!node) {
      const rawId = readId(raw);
      if (rawId !== undefined) malformedNodeIds.add(rawId);
      return;
    }
    if (isReservedId(node.id)) {
      issues.push(
        error('RESERVED_ID', `Node id "${node.id}" is reserved`, { node_id: node.id, field: 'id' }),
      );
      // Like a malformed node: edges to it are not reported again.
      malformedNodeIds.add(node.id);
      return;
    }
    if (nodes.has(node.id)) {
      issues.push(
        error('DUPLICATE_NODE_ID', `Node id "${node.id}" is used by more than one node`, {
          node_id: node.id,
        }),
      );
      return;
    }
    const component = registry.find(node.type);
    if (!component) {
      issues.push(
        error('UNKNOWN_COMPONENT_TYPE', `Unknown component type "${node.type}"`, {
          node_id: node.id,
          field: 'type',
        }),
      );
    }
    nodes.set(node.id, { node, component });
  });

  const edgeIds = new Set<string>();
  (rawEdges ?? []).forEach((raw, index) => {
    const edge = whole.success
      ? (raw as WorkflowEdge)
      : parsePart(WorkflowEdgeSchema, raw, `edges.${index}`, issues, 'edge_id');
    if (!edge) return;
    const reserved = reservedEdgeIssue(edge);
    if (reserved) {
      issues.push(reserved);
      return;
    }
    if (edgeIds.has(edge.id)) {
      issues.push(
        error('DUPLICATE_EDGE_ID', `Edge id "${edge.id}" is used by more than one edge`, {
          edge_id: edge.id,
        }),
      );
      return;
    }
    edgeIds.add(edge.id);
    const source = nodes.get(edge.source);
    const target = nodes.get(edge.target);
    // An edge to a node that exists but is malformed is not reported again: the node has its issue.
    if (!source && !malformedNodeIds.has(edge.source)) {
      issues.push(
        error('MISSING_NODE', `Edge "${edge.id}" leaves unknown node "${edge.source}"`, {
          edge_id: edge.id,
          field: 'source',
        }),
      );
    }
    if (!target && !malformedNodeIds.has(edge.target)) {
      issues.push(
        error('MISSING_NODE', `Edge "${edge.id}" enters unknown node "${edge.target}"`, {
          edge_id: edge.id,
          field: 'target',
        }),
      );
    }
    if (!source || !target) return;
    const sourceHandle = resolveHandle(edge, 'source', source, issues);
    const targetHandle = resolveHandle(edge, 'target', target, issues);
    if (sourceHandle === undefined || targetHandle === undefined) return;
    edges.push({ edge, source: edge.source, sourceHandle, target: edge.target, targetHandle });
  });

  return { data: whole.success ? whole.data : undefined, nodes, edges, malformedNodeIds, issues };
}

/** Builds an error-severity issue. */
export function error(
  code: WorkflowIssue['code'],
  message: string,
  where: Pick<WorkflowIssue, 'node_id' | 'edge_id' | 'field'> = {},
): WorkflowIssue {
  return { code, message, severity: 'error', ...where };
}

/** The issue of an edge whose id or a handle is a reserved id, if any. */
function reservedEdgeIssue(edge: WorkflowEdge): WorkflowIssue | undefined {
  if (isReservedId(edge.id)) {
    return error('RESERVED_ID', `Edge id "${edge.id}" is reserved`, {
      edge_id: edge.id,
      field: 'id',
    });
  }
  for (const field of ['sourceHandle', 'targetHandle'] as const) {
    const handle = edge[field];
    if (typeof handle === 'string' && isReservedId(handle)) {
      return error('RESERVED_ID', `Edge "${edge.id}" uses reserved handle id "${handle}"`, {
        edge_id: edge.id,
        field,
      });
    }
  }
  return undefined;
}

function readArray(
  input: unknown,
  key: 'nodes' | 'edges',
  issues: WorkflowIssue[],
  optional = false,
): unknown[] | undefined {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    if (key === 'nodes') {
      issues.push(
        error('MALFORMED_WORKFLOW', 'A workflow must be an object with "nodes" and "edges" arrays'),
      );
    }
    return undefined;
  }
  const value = (input as Record<string, unknown>)[key];
  if (value === undefined && optional) return [];
  if (!Array.isArray(value)) {
    issues.push(error('MALFORMED_WORKFLOW', `"${key}" must be an array`, { field: key }));
    return undefined;
  }
  return value;
}

function parsePart<T extends { id: string }>(
  schema: z.ZodType<T>,
  raw: unknown,
  prefix: string,
  issues: WorkflowIssue[],
  idField: 'node_id' | 'edge_id',
): T | undefined {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const rawId = readId(raw);
  const where = rawId === undefined ? {} : { [idField]: rawId };
  for (const issue of parsed.error.issues) {
    const field = joinPath(prefix, issue.path);
    issues.push(error('MALFORMED_WORKFLOW', `${field}: ${issue.message}`, { ...where, field }));
  }
  return undefined;
}

/** The id of a raw node or edge, when it has a usable one. */
function readId(raw: unknown): string | undefined {
  const id = (raw as { id?: unknown } | null)?.id;
  return typeof id === 'string' && id !== '' ? id : undefined;
}
