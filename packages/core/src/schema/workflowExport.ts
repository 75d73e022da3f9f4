import { z } from 'zod';
import { WorkflowDataSchema } from './workflowData';

/**
 * A workflow as a file (`<name>.flowloom.json`): what export writes and import reads. Credential
 * references are replaced by `{ credential_type }` placeholders, so a file never points at a
 * stored secret; whoever imports it picks their own credentials.
 */
export const WorkflowExportSchema = z.strictObject({
  /** The file format's version; only 1 exists. */
  flowloom_version: z.literal(1),
  name: z.string().trim().min(1, 'Name must not be empty').max(200),
  workflow_data: WorkflowDataSchema,
});

/** A workflow as a file. */
export type WorkflowExport = z.infer<typeof WorkflowExportSchema>;
