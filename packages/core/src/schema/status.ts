import { z } from 'zod';

/**
 * Where a workflow instance is in its life. `queued`: its run waits for a concurrency slot
 * (`limits.maxConcurrentRunsPerTenant` / `maxConcurrentRunsPerWorkflow`) and begins, in order,
 * once one frees. `interrupted`: the process running it stopped
 * (a restart or deploy) and the next start resumes it; it is not final. `waiting`: a `wait`
 * step (or a sub-workflow that waits) holds it; no process holds it meanwhile, and it continues
 * when it wakes or is resumed.
 */
export const InstanceStatusSchema = z.enum([
  'pending',
  'queued',
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

// In a module of its own, free of zod: browsers use it (the React panel) without the schemas.
export { isFinalInstanceStatus } from './isFinalInstanceStatus';
