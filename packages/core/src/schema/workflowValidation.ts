import { z } from 'zod';

/** Codes of the problems `validateWorkflow` reports. */
export const WorkflowIssueCode = {
  MALFORMED_WORKFLOW: 'MALFORMED_WORKFLOW',
  DUPLICATE_NODE_ID: 'DUPLICATE_NODE_ID',
  DUPLICATE_EDGE_ID: 'DUPLICATE_EDGE_ID',
  UNKNOWN_COMPONENT_TYPE: 'UNKNOWN_COMPONENT_TYPE',
  MISSING_NODE: 'MISSING_NODE',
  UNKNOWN_HANDLE: 'UNKNOWN_HANDLE',
  AMBIGUOUS_HANDLE: 'AMBIGUOUS_HANDLE',
  CYCLE: 'CYCLE',
  MISSING_REQUIRED_PARAMETER: 'MISSING_REQUIRED_PARAMETER',
  INVALID_PARAMETER_TYPE: 'INVALID_PARAMETER_TYPE',
  INVALID_PARAMETER_VALUE: 'INVALID_PARAMETER_VALUE',
  UNKNOWN_PARAMETER: 'UNKNOWN_PARAMETER',
  /** A `secret` parameter holds a literal string: store it as a credential and refer to it. */
  SECRET_NOT_A_CREDENTIAL: 'SECRET_NOT_A_CREDENTIAL',
  /** A `secret` parameter holds a `{ credential_type }` placeholder (an imported workflow): pick a credential. */
  MISSING_CREDENTIAL: 'MISSING_CREDENTIAL',
  INVALID_EXPRESSION: 'INVALID_EXPRESSION',
  NO_ENTRY_NODE: 'NO_ENTRY_NODE',
  /** A warning: the workflow has no steps. It is valid, and a run of it completes at once (0/0). */
  EMPTY_WORKFLOW: 'EMPTY_WORKFLOW',
  UNREACHABLE_NODE: 'UNREACHABLE_NODE',
  /** More nodes than `limits.maxNodes`; the document is not checked further. */
  TOO_MANY_NODES: 'TOO_MANY_NODES',
  /** More edges than `limits.maxEdges`; the document is not checked further. */
  TOO_MANY_EDGES: 'TOO_MANY_EDGES',
  /** JSON nested deeper than `limits.maxJsonDepth`; `field` is the path; not checked further. */
  TOO_DEEP: 'TOO_DEEP',
  /** A node, edge or handle id is `__proto__`, `constructor` or `prototype`. */
  RESERVED_ID: 'RESERVED_ID',
} as const;

/** One of the {@link WorkflowIssueCode} values. */
export type WorkflowIssueCode = (typeof WorkflowIssueCode)[keyof typeof WorkflowIssueCode];

/** One problem in a workflow document, pinned to the node, edge and field it belongs to. */
export const WorkflowIssueSchema = z.object({
  code: z.enum(WorkflowIssueCode),
  message: z.string(),
  /** `error` makes the workflow invalid; `warning` (e.g. an unreachable node) does not. */
  severity: z.enum(['error', 'warning']),
  node_id: z.string().optional(),
  edge_id: z.string().optional(),
  /** The parameter name, or a dotted path into the document for malformed parts. */
  field: z.string().optional(),
});

/** One problem in a workflow document. */
export type WorkflowIssue = z.infer<typeof WorkflowIssueSchema>;

/** What `validateWorkflow` returns. */
export const WorkflowValidationResultSchema = z.object({
  /** True when no issue has severity `error`. */
  valid: z.boolean(),
  /** Every problem found, errors and warnings. */
  errors: z.array(WorkflowIssueSchema),
});

/** What `validateWorkflow` returns. */
export type WorkflowValidationResult = z.infer<typeof WorkflowValidationResultSchema>;
