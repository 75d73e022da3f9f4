import {
  InstanceSummarySchema,
  WorkflowExportSchema,
  WorkflowVersionSummarySchema,
} from '@flowloom/core';
import { z } from 'zod';
import { NameSchema } from './nameSchema';
import { ErrorResponseSchema } from './schemas';

/** `GET /instances` answer: one page of run summaries (no documents, inputs or outputs). */
export const InstanceListResponseSchema = z.object({
  instances: z.array(InstanceSummarySchema),
  /** How many runs match the filters in all. */
  total: z.number().int(),
  /** Pass it as `cursor` for the next page; `null` on the last one. */
  next_cursor: z.string().nullable(),
});

/** `GET /editor/load/{workflow_id}` and `GET /workflows/{workflow_id}/export` query. */
export const WorkflowVersionQuerySchema = z.strictObject({
  /** A saved version; the latest when absent. */
  version: z.coerce.number().int().min(1).max(2_147_483_647).optional(),
});

/** `GET /workflows/{workflow_id}/versions` query. */
export const ListVersionsQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});

/** `GET /workflows/{workflow_id}/versions` answer, newest first. */
export const VersionListResponseSchema = z.object({
  versions: z.array(WorkflowVersionSummarySchema),
});

/**
 * `GET /workflows/{workflow_id}/export` answer and `POST /workflows/import` body (its name checked
 * as every name a request gives: see `NameSchema`).
 */
export const WorkflowFileSchema = WorkflowExportSchema.extend({ name: NameSchema });

/** The 409 of a save based on an older version: the error, with the version it is at now. */
export const VersionConflictResponseSchema = z.object({
  error: ErrorResponseSchema.shape.error.extend({
    code: z.literal('VERSION_CONFLICT'),
    /** The version the workflow is at now: reload it, or save again with it to overwrite. */
    current_version: z.number().int().min(1),
  }),
});
