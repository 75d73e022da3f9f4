import { z } from 'zod';
import { RunProgressSchema } from './runProgress';
import { RunTriggerSchema } from './runTrigger';
import { ErrorInfoSchema, InstanceStatusSchema } from './status';
import type { WorkflowInstance } from './workflowInstance';

/**
 * An instance as run lists show it: what a history table needs, without the workflow document,
 * the input or any output, so a page of runs stays small whatever the workflows weigh.
 */
export const InstanceSummarySchema = z.strictObject({
  instance_id: z.string().min(1),
  name: z.string().min(1),
  status: InstanceStatusSchema,
  /** The saved workflow it was made from, if any. */
  workflow_id: z.string().nullable(),
  /** The saved version it runs; `null` for an instance made from a document. */
  workflow_version: z.number().int().min(1).nullable(),
  created_by: z.string().nullable(),
  created_at: z.string(),
  started_at: z.string().nullable(),
  finished_at: z.string().nullable(),
  /** `finished_at - started_at` of the latest run in milliseconds; `null` until it ends. */
  duration_ms: z.number().int().min(0).nullable(),
  /** Steps finished out of all steps as the latest run ended; `null` until a run ends. */
  progress: RunProgressSchema.nullable(),
  /** Why the latest run failed or was cancelled. */
  error: ErrorInfoSchema.nullable(),
  /**
   * What started it, when a trigger step did (`type`: `webhook`, `schedule`, ...); `null` for a
   * run started by hand (the API, the editor) or by a parent run's step (`parent_instance_id`).
   * A retry continues the same run: it keeps what started it.
   */
  trigger: RunTriggerSchema.nullable(),
  /** The run whose step started this one (a sub-workflow, a `for_each` item); `null` if none. */
  parent_instance_id: z.string().nullable(),
});

/** An instance as run lists show it. */
export type InstanceSummary = z.infer<typeof InstanceSummarySchema>;

/**
 * A summary as a store lists it: with the instance's `tenant_id`, which the server's access rule
 * reads and the API does not send.
 */
export const StoredInstanceSummarySchema = InstanceSummarySchema.extend({
  tenant_id: z.string().nullable(),
});

/** A summary as a store lists it, with the instance's `tenant_id`. */
export type StoredInstanceSummary = z.infer<typeof StoredInstanceSummarySchema>;

/** The fields of an instance a summary is made from. */
export type InstanceSummarySource = Pick<
  WorkflowInstance,
  | 'instance_id'
  | 'name'
  | 'status'
  | 'workflow_id'
  | 'workflow_version'
  | 'created_by'
  | 'tenant_id'
  | 'created_at'
  | 'started_at'
  | 'finished_at'
  | 'progress'
  | 'error'
  | 'trigger'
  | 'parent_instance_id'
>;

/** The stored summary of an instance (or of the columns a store read of it). */
export function instanceSummaryOf(source: InstanceSummarySource): StoredInstanceSummary {
  return {
    instance_id: source.instance_id,
    name: source.name,
    status: source.status,
    workflow_id: source.workflow_id,
    workflow_version: source.workflow_version ?? null,
    created_by: source.created_by,
    created_at: source.created_at,
    started_at: source.started_at,
    finished_at: source.finished_at,
    duration_ms: durationOf(source.started_at, source.finished_at),
    progress: source.progress ?? null,
    error: source.error,
    trigger: source.trigger ?? null,
    parent_instance_id: source.parent_instance_id ?? null,
    tenant_id: source.tenant_id ?? null,
  };
}

/** A stored summary as the API sends it: exactly the {@link InstanceSummarySchema} fields. */
export function toInstanceSummary({ tenant_id: _tenant, ...summary }: StoredInstanceSummary) {
  return summary satisfies InstanceSummary;
}

function durationOf(startedAt: string | null, finishedAt: string | null): number | null {
  if (startedAt === null || finishedAt === null) return null;
  const duration = Date.parse(finishedAt) - Date.parse(startedAt);
  return Number.isFinite(duration) ? Math.max(0, Math.round(duration)) : null;
}
