import { z } from 'zod';
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
});

/** What `createInstance` needs. */
export type CreateInstanceInput = z.input<typeof CreateInstanceInputSchema>;
