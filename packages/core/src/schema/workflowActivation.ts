import { z } from 'zod';

/**
 * That a saved workflow is active: its webhook and schedule triggers start runs of
 * `active_version`. A workflow without one is inactive.
 */
export const WorkflowActivationSchema = z.object({
  /** The saved workflow. */
  workflow_id: z.string().min(1),
  /** The saved version its triggers run: its latest valid one when it was activated or saved. */
  active_version: z.number().int().min(1),
  /** ISO time it was activated, or last moved to a newer version. */
  activated_at: z.string(),
});

/** That a saved workflow is active, and at which version. */
export type WorkflowActivation = z.infer<typeof WorkflowActivationSchema>;
