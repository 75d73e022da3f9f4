import { z } from 'zod';

/** How a step retries after a failure. */
export const RetrySettingsSchema = z.object({
  /** Attempts in all, the first included. */
  max_attempts: z.number().int().min(1).max(100).default(1),
  /** Wait before the second attempt, in milliseconds. */
  backoff_ms: z.number().int().min(0).max(3_600_000).default(0),
  /** Factor applied to the wait before each further attempt. */
  backoff_multiplier: z.number().min(1).max(100).default(2),
});

/** How a step retries after a failure. */
export type RetrySettings = z.output<typeof RetrySettingsSchema>;

/** Per-node execution settings. */
export const NodeSettingsSchema = z.object({
  /** Time limit for one attempt of the step, in milliseconds. */
  timeout_ms: z.number().int().positive().max(86_400_000).optional(),
  /** Retry policy; no retries when absent. */
  retry: RetrySettingsSchema.optional(),
  /**
   * What a failure of the step (after its retries) does. `fail`: the run fails, even when an
   * error branch is connected. `error_branch`: the error branch takes over (the run fails when
   * none is connected). `continue`: the step completes with the error in its output
   * (`output_data.error`) and its success handles are followed. When absent: the error branch
   * when one is connected, else the run fails.
   */
  on_error: z.enum(['fail', 'error_branch', 'continue']).optional(),
});

/** Per-node execution settings. */
export type NodeSettings = z.output<typeof NodeSettingsSchema>;

/** The `data` of a workflow node: its parameter values and settings. */
export const WorkflowNodeDataSchema = z.looseObject({
  /** Parameter values by parameter name; strings may hold `{{ ... }}` expressions. */
  parameters: z.record(z.string(), z.unknown()).default({}),
  /** Label shown on the node instead of the component's name. */
  label: z.string().optional(),
  /** Timeout and retry settings. */
  settings: NodeSettingsSchema.optional(),
  /**
   * A disabled step does not run: it is skipped (`step_skipped`, reason `disabled`) and passes
   * what flowed into it on as its output, through the handles it follows on success, so the
   * steps after it run as if it were not there.
   */
  disabled: z.boolean().optional(),
});

/** A step of a workflow, in @xyflow/react's serialised node form. */
export const WorkflowNodeSchema = z.looseObject({
  /** Unique id of the node; it is also the step id. */
  id: z.string().min(1, 'Node id must not be empty'),
  /** The component type this node runs. */
  type: z.string().min(1, 'Node type must not be empty'),
  /** Position on the canvas. */
  position: z.object({ x: z.number(), y: z.number() }).default({ x: 0, y: 0 }),
  /** Parameters, label and settings. */
  data: WorkflowNodeDataSchema.default({ parameters: {} }),
});

/** A step of a workflow. */
export type WorkflowNode = z.output<typeof WorkflowNodeSchema>;

/** A connection between two nodes, in @xyflow/react's serialised edge form. */
export const WorkflowEdgeSchema = z.looseObject({
  /** Unique id of the edge. */
  id: z.string().min(1, 'Edge id must not be empty'),
  /** Id of the node the edge leaves. */
  source: z.string().min(1, 'Edge source must not be empty'),
  /** Output handle it leaves from; may be omitted when the source has exactly one. */
  sourceHandle: z.string().nullish(),
  /** Id of the node the edge enters. */
  target: z.string().min(1, 'Edge target must not be empty'),
  /** Input handle it enters; may be omitted when the target has exactly one. */
  targetHandle: z.string().nullish(),
});

/** A connection between two nodes. */
export type WorkflowEdge = z.output<typeof WorkflowEdgeSchema>;

/** A workflow document: what the editor draws and the engine runs. */
export const WorkflowDataSchema = z.looseObject({
  /** The steps. */
  nodes: z.array(WorkflowNodeSchema),
  /** The connections. */
  edges: z.array(WorkflowEdgeSchema).default([]),
});

/** A workflow document as validated. */
export type WorkflowData = z.output<typeof WorkflowDataSchema>;
/** A workflow document as written (optional fields may be left out). */
export type WorkflowDataInput = z.input<typeof WorkflowDataSchema>;
