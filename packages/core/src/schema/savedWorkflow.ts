import { z } from 'zod';
import { WorkflowDataSchema } from './workflowData';

/** A workflow as the editor saves it: a named, versioned document. */
export const SavedWorkflowSchema = z.object({
  /** Unique id of the workflow. */
  workflow_id: z.string().min(1),
  /** Display name. */
  name: z.string().min(1),
  /** Starts at 1, one more on every save. */
  version: z.number().int().min(1),
  /** The document. */
  workflow_data: WorkflowDataSchema,
  /** Id of the user who created it. */
  created_by: z.string().nullable(),
  /**
   * The team it belongs to: users of the same tenant reach it. `null` for a workflow of one
   * user only (and for records stored before teams existed).
   */
  tenant_id: z.string().nullable().default(null),
  /** ISO time of the first save. */
  created_at: z.string(),
  /** ISO time of the latest save. */
  updated_at: z.string(),
});

/** A saved workflow. */
export type SavedWorkflow = z.infer<typeof SavedWorkflowSchema>;

/** A saved workflow without its document, as lists show it. */
export const WorkflowSummarySchema = SavedWorkflowSchema.omit({ workflow_data: true });
/** A saved workflow without its document. */
export type WorkflowSummary = z.infer<typeof WorkflowSummarySchema>;

/**
 * A saved workflow as `GET /editor/list` lists it: its summary, and whether its triggers start
 * runs (so a list shows its switch without reading every workflow).
 */
export const WorkflowListItemSchema = WorkflowSummarySchema.extend({ active: z.boolean() });
/** A listed saved workflow. */
export type WorkflowListItem = z.infer<typeof WorkflowListItemSchema>;

/** What a save needs: an id to update an existing workflow, none to create one. */
export const SaveWorkflowInputSchema = z.object({
  workflow_id: z.string().min(1).optional(),
  name: z.string().trim().min(1, 'Name must not be empty').max(200),
  workflow_data: WorkflowDataSchema,
  created_by: z.string().nullable().optional(),
  tenant_id: z.string().nullable().optional(),
});

/** What a save needs. */
export type SaveWorkflowInput = z.input<typeof SaveWorkflowInputSchema>;
