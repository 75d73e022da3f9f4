import { z } from 'zod';

/** Steps finished (completed, failed or skipped) out of all steps of a run. */
export const RunProgressSchema = z.object({
  completed: z.number().int().min(0),
  total: z.number().int().min(0),
});

/** Steps finished out of all steps of a run. */
export type RunProgress = z.infer<typeof RunProgressSchema>;
