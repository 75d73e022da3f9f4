import { ErrorInfoSchema, WorkflowDataSchema, WorkflowIssueSchema } from '@flowloom/core';
import { z } from 'zod';

/** `POST /instances`: a document, or a saved workflow's id. */
export const CreateInstanceRequestSchema = z
  .strictObject({
    name: z.string().trim().min(1, 'Name must not be empty').max(200),
    workflow_data: z.unknown().optional(),
    workflow_id: z.string().min(1).optional(),
  })
  .refine((body) => body.workflow_data !== undefined || body.workflow_id !== undefined, {
    message: 'Give workflow_data or workflow_id',
    path: ['workflow_data'],
    // Checked even when another field is wrong, so one answer lists every problem.
    when: ({ value }) => typeof value === 'object' && value !== null,
  });

/** `GET /instances` query. */
export const ListInstancesQuerySchema = z.object({
  status: z.enum(['pending', 'running', 'completed', 'failed', 'cancelled']).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

/** `GET /editor/list` query. */
export const ListWorkflowsQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});

/** `POST /instances/{id}/execute`. */
export const ExecuteRequestSchema = z.strictObject({
  input_data: z.record(z.string(), z.unknown()).default({}),
});

/** `GET /instances/{id}/logs` query. */
export const LogsQuerySchema = z.object({
  since: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(10_000).optional(),
});

/** `POST /editor/save`: drafts that fail validation are still saved; malformed bodies are not. */
export const SaveRequestSchema = z.strictObject({
  workflow_id: z.string().min(1).optional(),
  name: z.string().trim().min(1, 'Name must not be empty').max(200),
  workflow_data: WorkflowDataSchema,
});

/** `POST /instances/{id}/execute` answer. */
export const ExecuteResponseSchema = z.object({
  instance_id: z.string(),
  status: z.literal('running'),
});

/** `POST /editor/save` answer: the saved workflow's summary and its validation. */
export const SaveResponseSchema = z.object({
  workflow_id: z.string(),
  name: z.string(),
  version: z.number().int(),
  updated_at: z.string(),
  validation: z.object({ valid: z.boolean(), errors: z.array(WorkflowIssueSchema) }),
});

/** Every error answer: `{ error: { code, message, issues } }`. */
export const ErrorResponseSchema = z.object({
  error: ErrorInfoSchema.omit({ step_id: true }).extend({
    issues: z.array(z.object({ path: z.string(), message: z.string() })),
  }),
});
