import { z } from 'zod';

/** Where a workflow instance is in its life. */
export const InstanceStatusSchema = z.enum([
  'pending',
  'running',
  'completed',
  'failed',
  'cancelled',
]);
/** Where a workflow instance is in its life. */
export type InstanceStatus = z.infer<typeof InstanceStatusSchema>;

/** Where one step of a run is. */
export const StepStatusSchema = z.enum(['pending', 'running', 'completed', 'failed', 'skipped']);
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

/** Whether a status is final: the run or step will not change again. */
export function isFinalInstanceStatus(status: InstanceStatus): boolean {
  return status === 'completed' || status === 'failed' || status === 'cancelled';
}
