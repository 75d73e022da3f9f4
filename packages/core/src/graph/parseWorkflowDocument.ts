import { findJsonDepthProblem } from '../limits/measureJson';
import type { WorkflowLimits } from '../limits/workflowLimits';
import {
  NodeSettingsSchema,
  type WorkflowData,
  type WorkflowEdge,
  WorkflowEdgeSchema,
  type WorkflowNode,
  WorkflowNodeSchema,
} from '../schema/workflowData';
import { defineMember, freezeOwned, frozenCopy } from '../store/frozenCopy';

/** What the fast path does not handle: the caller parses with zod instead. */
const UNUSUAL: unique symbol = Symbol('unusual');
type Unusual = typeof UNUSUAL;

const EMPTY: Readonly<Record<string, unknown>> = Object.freeze({});
const DEFAULT_POSITION = Object.freeze({ x: 0, y: 0 });
const DEFAULT_DATA = Object.freeze({ parameters: EMPTY });
const NO_EDGES: readonly WorkflowEdge[] = Object.freeze([]);

/** The fast path's own nesting: document 1, nodes 2, node 3, data 4, parameters 5, retry 6. */
const FIXED_LEVELS = 6;

const DOCUMENT_KEYS: ReadonlySet<string> = new Set(['nodes', 'edges']);
const NODE_KEYS: ReadonlySet<string> = new Set(['id', 'type', 'position', 'data']);
const DATA_KEYS: ReadonlySet<string> = new Set(['parameters', 'label', 'settings', 'disabled']);
const EDGE_KEYS: ReadonlySet<string> = new Set([
  'id',
  'source',
  'sourceHandle',
  'target',
  'targetHandle',
]);
const SETTINGS_KEYS: ReadonlySet<string> = new Set(['timeout_ms', 'retry', 'on_error']);

/**
 * Parses a workflow document by hand, in one pass that also makes the copy a store keeps:
 * frozen all the way down and marked as owned (`freezeOwned`), so no store copies it again.
 * The result is exactly what `WorkflowDataSchema.parse` gives (a generated-documents test holds
 * it to that), without zod's cost on the hot path of creating instances.
 *
 * @returns the parsed document, or `undefined` for anything unusual: a document that is
 * invalid, over `maxNodes`/`maxEdges`/`maxJsonDepth`, or holds anything but plain JSON-like
 * data. The caller then takes the zod path, which also words the errors.
 * @remarks A node with settings is checked by zod's own `NodeSettingsSchema`, a part too small
 * to matter.
 */
export function parseWorkflowDocument(
  input: unknown,
  limits: Pick<WorkflowLimits, 'maxNodes' | 'maxEdges' | 'maxJsonDepth'>,
): WorkflowData | undefined {
  const maxDepth = limits.maxJsonDepth;
  if (!isPlainObject(input) || maxDepth < FIXED_LEVELS) return undefined;
  const rawNodes = input.nodes;
  const rawEdges = input.edges;
  if (!isPlainArray(rawNodes) || rawNodes.length > limits.maxNodes) return undefined;
  if (rawEdges !== undefined && (!isPlainArray(rawEdges) || rawEdges.length > limits.maxEdges)) {
    return undefined;
  }
  const nodes = new Array<WorkflowNode>(rawNodes.length);
  for (let at = 0; at < rawNodes.length; at += 1) {
    const node = parseNode(rawNodes[at], maxDepth);
    if (node === UNUSUAL) return undefined;
    nodes[at] = node;
  }
  let edges = NO_EDGES as WorkflowEdge[];
  if (rawEdges !== undefined && rawEdges.length > 0) {
    edges = new Array<WorkflowEdge>(rawEdges.length);
    for (let at = 0; at < rawEdges.length; at += 1) {
      const edge = parseEdge(rawEdges[at], maxDepth);
      if (edge === UNUSUAL) return undefined;
      edges[at] = edge;
    }
  }
  const document: Record<string, unknown> = {
    nodes: Object.freeze(nodes),
    edges: Object.isFrozen(edges) ? edges : Object.freeze(edges),
  };
  if (!copyExtras(input, DOCUMENT_KEYS, document, 1, maxDepth)) return undefined;
  return freezeOwned(document) as WorkflowData;
}

/** Nodes sit at level 3 (document 1, `nodes` 2); `data` at 4, `parameters` at 5. */
function parseNode(raw: unknown, maxDepth: number): WorkflowNode | Unusual {
  if (!isPlainObject(raw)) return UNUSUAL;
  const { id, type } = raw;
  if (!isId(id) || !isId(type)) return UNUSUAL;
  const position = parsePosition(raw.position);
  if (position === UNUSUAL) return fromZodNode(raw, maxDepth);
  // A defaulted key given as `undefined` takes its default, as an absent one does.
  const data = raw.data === undefined ? DEFAULT_DATA : parseNodeData(raw.data, maxDepth);
  if (data === UNUSUAL) return fromZodNode(raw, maxDepth);
  const node: Record<string, unknown> = { id, type, position, data };
  if (!copyExtras(raw, NODE_KEYS, node, 3, maxDepth)) return fromZodNode(raw, maxDepth);
  return Object.freeze(node) as WorkflowNode;
}

function parsePosition(raw: unknown): Readonly<{ x: number; y: number }> | Unusual {
  if (raw === undefined) return DEFAULT_POSITION;
  if (!isPlainObject(raw)) return UNUSUAL;
  const { x, y } = raw;
  if (
    typeof x !== 'number' ||
    !Number.isFinite(x) ||
    typeof y !== 'number' ||
    !Number.isFinite(y)
  ) {
    return UNUSUAL;
  }
  // zod strips other keys: rare enough to leave to it (and to its depth check).
  for (const key in raw) if (key !== 'x' && key !== 'y') return UNUSUAL;
  return x === 0 && y === 0 ? DEFAULT_POSITION : Object.freeze({ x, y });
}

function parseNodeData(
  raw: unknown,
  maxDepth: number,
): Readonly<Record<string, unknown>> | Unusual {
  if (!isPlainObject(raw)) return UNUSUAL;
  const data: Record<string, unknown> = { parameters: EMPTY };
  const { parameters, label, settings, disabled } = raw;
  if (parameters !== undefined) {
    const copied = copyParameters(parameters, maxDepth);
    if (copied === UNUSUAL) return UNUSUAL;
    data.parameters = copied;
  }
  if (label !== undefined) {
    if (typeof label !== 'string') return UNUSUAL;
    data.label = label;
  } else if ('label' in raw) return UNUSUAL;
  if (settings !== undefined) {
    const parsed = parseSettings(settings);
    if (parsed === UNUSUAL) return UNUSUAL;
    data.settings = parsed;
  } else if ('settings' in raw) return UNUSUAL;
  if (disabled !== undefined) {
    if (typeof disabled !== 'boolean') return UNUSUAL;
    data.disabled = disabled;
  } else if ('disabled' in raw) return UNUSUAL;
  if (!copyExtras(raw, DATA_KEYS, data, 4, maxDepth)) return UNUSUAL;
  return Object.freeze(data);
}

/** `z.record(z.string(), z.unknown())`: own enumerable string keys, no symbol key at all. */
function copyParameters(
  raw: unknown,
  maxDepth: number,
): Readonly<Record<string, unknown>> | Unusual {
  if (!isPlainObject(raw)) return UNUSUAL;
  if (Object.getOwnPropertySymbols(raw).length > 0) return UNUSUAL;
  const keys = Object.keys(raw);
  if (keys.length === 0) return EMPTY;
  const parameters: Record<string, unknown> = {};
  for (const key of keys) {
    if (key === '__proto__') return UNUSUAL;
    const value = copyUnknown(raw[key], 5, maxDepth);
    if (value === UNUSUAL) return UNUSUAL;
    parameters[key] = value;
  }
  return Object.freeze(parameters);
}

/** Settings are few and small: zod's own schema checks them, from known keys and plain values. */
function parseSettings(raw: unknown): unknown {
  if (!isPlainObject(raw)) return UNUSUAL;
  for (const key in raw) {
    if (!SETTINGS_KEYS.has(key)) return UNUSUAL;
    const value = raw[key];
    if (value !== null && typeof value === 'object') {
      if (key !== 'retry' || !isPlainObject(value)) return UNUSUAL;
      for (const retryKey in value) {
        const member = value[retryKey];
        if (member !== null && typeof member === 'object') return UNUSUAL;
      }
    }
  }
  const parsed = NodeSettingsSchema.safeParse(raw);
  return parsed.success ? frozenCopy(parsed.data) : UNUSUAL;
}

/** Edges sit at level 3. */
function parseEdge(raw: unknown, maxDepth: number): WorkflowEdge | Unusual {
  if (!isPlainObject(raw)) return UNUSUAL;
  const { id, source, sourceHandle, target, targetHandle } = raw;
  if (!isId(id) || !isId(source) || !isId(target)) return UNUSUAL;
  if (sourceHandle !== undefined) {
    if (sourceHandle !== null && typeof sourceHandle !== 'string') return UNUSUAL;
  } else if ('sourceHandle' in raw) return fromZodEdge(raw, maxDepth);
  if (targetHandle !== undefined) {
    if (targetHandle !== null && typeof targetHandle !== 'string') return UNUSUAL;
  } else if ('targetHandle' in raw) return fromZodEdge(raw, maxDepth);
  // Made whole, in zod's key order: an edge grown key by key past its literal's size keeps its
  // later keys in a separate property array, some 40 bytes more per edge a document holds.
  const edge: Record<string, unknown> =
    sourceHandle === undefined
      ? targetHandle === undefined
        ? { id, source, target }
        : { id, source, target, targetHandle }
      : targetHandle === undefined
        ? { id, source, sourceHandle, target }
        : { id, source, sourceHandle, target, targetHandle };
  if (!copyExtras(raw, EDGE_KEYS, edge, 3, maxDepth)) return fromZodEdge(raw, maxDepth);
  return Object.freeze(edge) as WorkflowEdge;
}

/**
 * Copies the keys a loose object's schema does not declare, after the declared ones (zod's
 * order); `level` is the object's own nesting level. False for anything unusual, an own
 * `__proto__` key included (zod drops it).
 */
function copyExtras(
  raw: Record<string, unknown>,
  declared: ReadonlySet<string>,
  into: Record<string, unknown>,
  level: number,
  maxDepth: number,
): boolean {
  for (const key in raw) {
    if (declared.has(key)) continue;
    if (key === '__proto__') return false;
    const value = copyUnknown(raw[key], level, maxDepth);
    if (value === UNUSUAL) return false;
    into[key] = value;
  }
  return true;
}

/**
 * A frozen copy of a value zod passes through (`z.unknown()`) that sits in a container at
 * `parentLevel`, or {@link UNUSUAL} when it nests past `maxDepth` or is not plain data.
 */
function copyUnknown(value: unknown, parentLevel: number, maxDepth: number): unknown {
  if (value === null || typeof value !== 'object') {
    return typeof value === 'function' || typeof value === 'symbol' || typeof value === 'bigint'
      ? UNUSUAL
      : value;
  }
  const level = parentLevel + 1;
  if (level > maxDepth) return UNUSUAL;
  if (isPlainArray(value)) {
    const copy = new Array<unknown>(value.length);
    for (let at = 0; at < value.length; at += 1) {
      const item = value[at];
      if (item === undefined) return UNUSUAL;
      const itemCopy = copyUnknown(item, level, maxDepth);
      if (itemCopy === UNUSUAL) return UNUSUAL;
      copy[at] = itemCopy;
    }
    return Object.freeze(copy);
  }
  const prototype = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return UNUSUAL;
  const source = value as Record<string, unknown>;
  // zod passes the value on as it is: a dictionary without a prototype stays one.
  const copy: Record<string, unknown> = prototype === null ? Object.create(null) : {};
  for (const key of Object.keys(source)) {
    const member = copyUnknown(source[key], level, maxDepth);
    if (member === UNUSUAL) return UNUSUAL;
    if (key === '__proto__') defineMember(copy, key, member);
    else copy[key] = member;
  }
  return Object.freeze(copy);
}

/**
 * A node the fast path found unusual, parsed by zod, after the depth check the pass would have
 * made (a node is at level 3, so its own levels may go to `maxDepth - 2`).
 */
function fromZodNode(raw: Record<string, unknown>, maxDepth: number): WorkflowNode | Unusual {
  if (findJsonDepthProblem(raw, maxDepth - 2)) return UNUSUAL;
  const parsed = WorkflowNodeSchema.safeParse(raw);
  return parsed.success ? safeFrozenCopy(parsed.data) : UNUSUAL;
}

function fromZodEdge(raw: Record<string, unknown>, maxDepth: number): WorkflowEdge | Unusual {
  if (findJsonDepthProblem(raw, maxDepth - 2)) return UNUSUAL;
  const parsed = WorkflowEdgeSchema.safeParse(raw);
  return parsed.success ? safeFrozenCopy(parsed.data) : UNUSUAL;
}

function safeFrozenCopy<T>(value: T): T | Unusual {
  try {
    return frozenCopy(value);
  } catch {
    return UNUSUAL;
  }
}

function isId(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return (
    value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype
  );
}

function isPlainArray(value: unknown): value is unknown[] {
  return Array.isArray(value) && Object.getPrototypeOf(value) === Array.prototype;
}
