import { z } from 'zod';
import { RunProgressSchema } from './runProgress';
import { RunTriggerSchema } from './runTrigger';
import { ErrorInfoSchema, InstanceStatusSchema } from './status';
import { WorkflowDataSchema } from './workflowData';

/** One runnable copy of a workflow, with its own status and history. */
export const WorkflowInstanceSchema = z.object({
  /** Unique id of the instance. */
  instance_id: z.string().min(1),
  /** The saved workflow it was made from, if any. */
  workflow_id: z.string().nullable(),
  /** Display name. */
  name: z.string().min(1),
  /** Where the instance is in its life. */
  status: InstanceStatusSchema,
  /** The workflow document it runs (a copy: later edits of the workflow don't change it). */
  workflow_data: WorkflowDataSchema,
  /** The input of the latest run. */
  input_data: z.record(z.string(), z.unknown()).nullable(),
  /** Id of the user who created it. */
  created_by: z.string().nullable(),
  /**
   * The team it belongs to: users of the same tenant reach it. `null` for an instance of one
   * user only (and for records stored before teams existed).
   */
  tenant_id: z.string().nullable().default(null),
  /** ISO time it was created. */
  created_at: z.string(),
  /** ISO time it last changed. */
  updated_at: z.string(),
  /** ISO time the latest run started. */
  started_at: z.string().nullable(),
  /** ISO time the latest run ended. */
  finished_at: z.string().nullable(),
  /** Why the latest run failed or was cancelled. */
  error: ErrorInfoSchema.nullable(),
  /**
   * The saved version of `workflow_id` it runs; `null` for an instance made from a document
   * (and for records stored before versions were kept).
   */
  workflow_version: z.number().int().min(1).nullable().default(null),
  /** What started it, when a trigger step did; `null` for an instance created by hand. */
  trigger: RunTriggerSchema.nullable().default(null),
  /** The run that started this one (a sub-workflow step), if any. */
  parent_instance_id: z.string().nullable().default(null),
  /** The step of the parent run that started this one, if any. */
  parent_step_id: z.string().nullable().default(null),
  /**
   * The run at the top of this one's tree of sub-workflows (its own id for a run no step
   * started); `limits.maxRunsPerTree` counts the runs sharing it. `null` only in records
   * stored before it was kept.
   */
  root_instance_id: z.string().nullable().default(null),
  /** Steps finished out of all steps, as the latest run ended; `null` until a run ends. */
  progress: RunProgressSchema.nullable().default(null),
});

/** One runnable copy of a workflow. */
export type WorkflowInstance = z.infer<typeof WorkflowInstanceSchema>;

/** What `createInstance` needs. */
export const CreateInstanceInputSchema = z.object({
  name: z.string().trim().min(1, 'Name must not be empty').max(200),
  workflow_data: z.unknown().optional(),
  workflow_id: z.string().min(1).optional(),
  created_by: z.string().nullable().optional(),
  /** The team the instance belongs to. */
  tenant_id: z.string().nullable().optional(),
  /**
   * The saved version of `workflow_id` to run (its latest when absent); recorded as
   * `workflow_version`. Needs `workflow_id` and no `workflow_data`.
   */
  version: z.number().int().min(1).optional(),
  /** What started the run (set by triggers). */
  trigger: RunTriggerSchema.nullable().optional(),
  /** The run that starts this one, for sub-workflows. */
  parent_instance_id: z.string().min(1).nullable().optional(),
  /** The step of the parent run that starts this one. */
  parent_step_id: z.string().min(1).nullable().optional(),
});

/** What `createInstance` needs. */
export type CreateInstanceInput = z.input<typeof CreateInstanceInputSchema>;
