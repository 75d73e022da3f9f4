import {
  ErrorInfoSchema,
  type InstanceStatus,
  InstanceStatusSchema,
  WorkflowDataSchema,
  WorkflowIssueSchema,
} from '@flowloom/core';
import { z } from 'zod';
import { NameSchema } from './nameSchema';
import { SaveActivationSchema } from './triggerSchemas';

/** The message of a body that gives neither a document nor a saved workflow to run. */
const GIVE_A_WORKFLOW = 'Give workflow_data or workflow_id';
const giveAWorkflow = (issue: { input?: unknown }) =>
  issue.input === undefined ? GIVE_A_WORKFLOW : undefined;

/** `POST /instances` from a document (`workflow_id`, when given, is recorded beside it). */
export const CreateInstanceFromDocumentSchema = z.strictObject({
  name: NameSchema,
  /** The workflow document to run, validated as the editor saves it. */
  workflow_data: z.looseObject(WorkflowDataSchema.shape, { error: giveAWorkflow }),
  workflow_id: z.string().min(1).optional(),
});

/** `POST /instances` from a saved workflow, at its latest version or the one named. */
export const CreateInstanceFromSavedSchema = z.strictObject({
  name: NameSchema,
  workflow_id: z.string({ error: giveAWorkflow }).min(1),
  /** The saved version of `workflow_id` to run; its latest when absent. */
  version: z.number().int().min(1).max(2_147_483_647).optional(),
});

/**
 * `POST /instances`: a document, or a saved workflow's id (and version), exactly one of the two
 * shapes: a JSON Schema `oneOf`, so clients generated from the document get a union type.
 */
export const CreateInstanceRequestSchema = z.xor([
  CreateInstanceFromDocumentSchema,
  CreateInstanceFromSavedSchema,
]);

/** One status or several, comma-separated: `failed,cancelled`. */
const STATUS_LIST = new RegExp(
  `^(${InstanceStatusSchema.options.join('|')})(,(${InstanceStatusSchema.options.join('|')}))*$`,
);

/** An ISO time in a query, with its offset (or a date), read as UTC ISO text as stored. */
export const QueryTimeSchema = z
  .union([z.iso.datetime({ offset: true }), z.iso.date()])
  .transform((text, context) => {
    const time = Date.parse(text);
    if (Number.isNaN(time)) {
      context.addIssue({ code: 'custom', message: 'Not a valid time' });
      return z.NEVER;
    }
    return new Date(time).toISOString();
  });

/** `GET /instances` query: filters, newest first, paged by `offset` or `cursor`. */
export const ListInstancesQuerySchema = z.strictObject({
  /** Only runs of this saved workflow. */
  workflow_id: z.string().min(1).optional(),
  /** One status, or several comma-separated (`failed,cancelled`). */
  status: z
    .string()
    .regex(
      STATUS_LIST,
      `Expected statuses among ${InstanceStatusSchema.options.join(', ')}, comma-separated`,
    )
    .describe('One status, or several comma-separated (e.g. failed,cancelled)')
    .transform((text) => text.split(',') as InstanceStatus[])
    .optional(),
  /** Only runs created after this time (exclusive). */
  created_after: QueryTimeSchema.describe('ISO time; runs created after it').optional(),
  /** Only runs created before this time (exclusive). */
  created_before: QueryTimeSchema.describe('ISO time; runs created before it').optional(),
  /** Only runs started by a trigger of this type (`schedule`, `webhook`, ...). */
  trigger_type: z.string().min(1).max(100).optional(),
  /** Only runs started by this run. */
  parent_instance_id: z.string().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  /** Ignored when a cursor is given. */
  offset: z.coerce.number().int().min(0).default(0),
  /** A `next_cursor` from the previous page: the page after it, never shifted by new runs. */
  cursor: z.string().min(1).max(8192).optional(),
});

/** `GET /editor/list` query. */
export const ListWorkflowsQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});

/** `POST /instances/{id}/execute`. */
export const ExecuteRequestSchema = z.strictObject({
  input_data: z.record(z.string(), z.unknown()).default({}),
  /**
   * Runs this step and the steps it depends on only (an editor's "run to here"): the others
   * are skipped (`step_skipped`, reason `not_needed`). 400 for a step the workflow lacks.
   */
  until: z.string().min(1).max(200).optional(),
});

/** `POST /instances/{id}/resume`: the waiting step to resume, and what becomes its output. */
export const ResumeRequestSchema = z.strictObject({
  /** The `wait` step (mode `resume`) that waits. */
  step_id: z.string().min(1).max(200),
  /** The step's output (an object is used as is, anything else as `{ value }`). @default {} */
  data: z.unknown().optional(),
});

/** `GET /instances/{id}/logs` query. */
export const LogsQuerySchema = z.strictObject({
  since: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(10_000).optional(),
});

/** `POST /editor/save`: drafts that fail validation are still saved; malformed bodies are not. */
export const SaveRequestSchema = z.strictObject({
  workflow_id: z.string().min(1).optional(),
  name: NameSchema,
  workflow_data: WorkflowDataSchema,
  /**
   * The version this save is based on (the one loaded): when the workflow is at another, the
   * answer is 409 `VERSION_CONFLICT` and nothing is written. Leave it out to overwrite.
   */
  expected_version: z.number().int().min(1).optional(),
});

/** `POST /instances/{id}/execute` answer. */
export const ExecuteResponseSchema = z.object({
  instance_id: z.string(),
  /** `queued` while the run waits for a slot under a concurrency limit, else `running`. */
  status: z.enum(['running', 'queued']),
});

/** The answer to an accepted execute, retry or resume. */
export type RunAccepted = z.infer<typeof ExecuteResponseSchema>;

/** `POST /editor/save` answer: the saved workflow's summary and its validation. */
export const SaveResponseSchema = z.object({
  workflow_id: z.string(),
  name: z.string(),
  version: z.number().int(),
  updated_at: z.string(),
  validation: z.object({ valid: z.boolean(), errors: z.array(WorkflowIssueSchema) }),
  /**
   * Present for an active workflow: the version its triggers run now (this one when valid,
   * else the previous valid one, which keeps running).
   */
  activation: SaveActivationSchema.optional(),
});

/** Every error answer: `{ error: { code, message, issues } }`. */
export const ErrorResponseSchema = z.object({
  error: ErrorInfoSchema.omit({ step_id: true }).extend({
    issues: z.array(
      z.object({
        path: z.string(),
        message: z.string(),
        /** A stable name for the problem, where one exists (e.g. `SCHEDULE_TOO_FREQUENT`). */
        code: z.string().optional(),
      }),
    ),
    /** The run a webhook started, when it failed (`RUN_FAILED`). */
    instance_id: z.string().optional(),
  }),
});
