import { z } from 'zod';

/**
 * Where a workflow instance is in its life. `interrupted`: the process running it stopped
 * (a restart or deploy) and the next start resumes it; it is not final. `waiting`: a `wait`
 * step (or a sub-workflow that waits) holds it; no process holds it meanwhile, and it continues
 * when it wakes or is resumed.
 */
export const InstanceStatusSchema = z.enum([
  'pending',
  'running',
  'waiting',
  'interrupted',
  'completed',
  'failed',
  'cancelled',
]);
/** Where a workflow instance is in its life. */
export type InstanceStatus = z.infer<typeof InstanceStatusSchema>;

/** Where one step of a run is. `waiting`: it waits for a time, a resume request or its sub-workflows. */
export const StepStatusSchema = z.enum([
  'pending',
  'running',
  'waiting',
  'completed',
  'failed',
  'skipped',
]);
/** Where one step of a run is. */
export type StepStatus = z.infer<typeof StepStatusSchema>;

/** The `{ code, message }` form of an error, as stored and sent to clients. */
export const ErrorInfoSchema = z.object({
  code: z.string(),
  message: z.string(),
  /** The step the error came from, when it came from one. */
  step_id: z.string().optional(),
});
/** The `{ code, message }` form of an error. */
export type ErrorInfo = z.infer<typeof ErrorInfoSchema>;

/**
 * Whether a status is final: the run will not change again unless it is retried or run anew.
 * `interrupted` is not: the run resumes when a server starts on its store.
 */
export function isFinalInstanceStatus(status: InstanceStatus): boolean {
  return status === 'completed' || status === 'failed' || status === 'cancelled';
}
