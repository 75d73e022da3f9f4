import type { NodeTypes } from '@xyflow/react';
import { WorkflowNode } from './WorkflowNode';

/**
 * Every node type (every component type, known or not) drawn by the one `WorkflowNode`. A
 * module-level Proxy keeps the object stable across renders, as @xyflow/react requires, while
 * components arrive from the server at any time.
 */
export const nodeTypes: NodeTypes = new Proxy({} as NodeTypes, {
  get: (_target, key) => (typeof key === 'string' ? WorkflowNode : undefined),
});
