import { z } from 'zod';

/**
 * What started a run, when a trigger step did: its type (`schedule`, `webhook`, ...) and the
 * step that fired. `null` on an instance created by hand (the API, the editor).
 */
export const RunTriggerSchema = z.object({
  /** The kind of trigger, e.g. `schedule` or `webhook`; run lists filter on it. */
  type: z.string().min(1).max(100),
  /** The trigger step (node id) that fired. */
  step_id: z.string().min(1),
});

/** What started a run. */
export type RunTrigger = z.infer<typeof RunTriggerSchema>;
