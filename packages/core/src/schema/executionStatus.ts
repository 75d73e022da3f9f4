import { z } from 'zod';
import { ErrorInfoSchema, InstanceStatusSchema, StepStatusSchema } from './status';

/** The state of one step in a run. */
export const StepStateSchema = z.object({
  status: StepStatusSchema,
  /** Attempts made so far. */
  attempts: z.number().int().min(0),
  /** ISO time the first attempt started. */
  started_at: z.string().nullable(),
  /** ISO time it completed, failed or was skipped. */
  finished_at: z.string().nullable(),
  /** Its output, once completed. */
  output_data: z.unknown().optional(),
  /** The handles it followed, once finished. */
  output_handles: z.array(z.string()).optional(),
  /** Why it failed. */
  error: ErrorInfoSchema.optional(),
  /**
   * What it waits for, while `waiting`: `wake_at` (ISO) when it wakes by itself (a duration, a
   * date, or the timeout of a resume), `resume` when `POST /instances/{id}/resume` ends it.
   */
  wait: z.object({ wake_at: z.string().optional(), resume: z.boolean() }).optional(),
});

/** The state of one step in a run. */
export type StepState = z.infer<typeof StepStateSchema>;

/** The state of a run: what `executeWorkflow` resolves with and the status endpoint returns. */
export const ExecutionStatusSchema = z.object({
  instance_id: z.string(),
  status: InstanceStatusSchema,
  /** Every step of the workflow by node id. */
  steps: z.record(z.string(), StepStateSchema),
  /** Steps finished (completed, failed or skipped) out of all steps. */
  progress: z.object({ completed: z.number().int().min(0), total: z.number().int().min(0) }),
  /** ISO time the run started. */
  started_at: z.string().nullable(),
  /** ISO time the run ended. */
  finished_at: z.string().nullable(),
  /** Why the run failed or was cancelled. */
  error: ErrorInfoSchema.nullable(),
  /** Run variables as they stand. */
  variables: z.record(z.string(), z.unknown()),
});

/** The state of a run. */
export type ExecutionStatus = z.infer<typeof ExecutionStatusSchema>;
