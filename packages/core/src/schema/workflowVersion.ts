import { z } from 'zod';

/** One saved version of a workflow, as its history lists it (without the document). */
export const WorkflowVersionSummarySchema = z.object({
  /** 1 for the first save, one more on each save after. */
  version: z.number().int().min(1),
  /** The workflow's name as this version saved it. */
  name: z.string(),
  /** ISO time of this save. */
  updated_at: z.string(),
  /** Id of the user who saved it; `null` when unknown (saved without a user, or before versions were kept). */
  updated_by: z.string().nullable(),
  /** Whether it passed validation when saved; `null` when unknown (saved before versions were kept). */
  valid: z.boolean().nullable(),
});

/** One saved version of a workflow, without the document. */
export type WorkflowVersionSummary = z.infer<typeof WorkflowVersionSummarySchema>;
