import {
  type ComponentRegistry,
  CredentialReferenceSchema,
  containsExpression,
  type ErrorIssue,
  shortestCronIntervalMs,
  WEBHOOK_MAX_TIMEOUT_MS,
  type WorkflowData,
  type WorkflowLimits,
} from '@flowloom/core';
import { z } from 'zod';

/** A webhook trigger step's settings, defaults applied. */
export const WebhookTriggerSchema = z.object({
  step_id: z.string(),
  path: z.string(),
  method: z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']),
  respond: z.enum(['immediately', 'when_finished']),
  timeout_ms: z.number().int().min(1).max(WEBHOOK_MAX_TIMEOUT_MS),
  auth: z.enum(['none', 'header', 'hmac_sha256']),
  credential: CredentialReferenceSchema.optional(),
  signature_header: z.string().min(1),
});

/** A webhook trigger step's settings. */
export type WebhookTrigger = z.infer<typeof WebhookTriggerSchema>;

/** A schedule trigger step's settings, defaults applied. */
export const ScheduleTriggerSchema = z.object({
  step_id: z.string(),
  cron: z.string().min(1),
  timezone: z.string().min(1),
});

/** A schedule trigger step's settings. */
export type ScheduleTrigger = z.infer<typeof ScheduleTriggerSchema>;

/** The triggers of a workflow version that the server arms, and why some can't be. */
export interface WorkflowTriggerSet {
  webhooks: WebhookTrigger[];
  schedules: ScheduleTrigger[];
  /** Problems that keep the version from being activated, each with its document path. */
  issues: ErrorIssue[];
}

const FIXED = {
  webhook_trigger: ['path', 'method', 'respond', 'timeout_ms', 'auth', 'signature_header'],
  schedule_trigger: ['cron', 'timezone'],
} as const;

/**
 * The webhook and schedule triggers of a (validated) workflow document, with their defaults.
 * Their settings must be fixed values, not expressions: nothing is there to resolve them
 * before a run starts. Two webhooks of one workflow may not share a path and a method. A
 * schedule firing more often than `limits.minScheduleIntervalMs` is an issue
 * (`SCHEDULE_TOO_FREQUENT`) and is left out of `schedules`, so it is never armed.
 */
export function readTriggers(
  workflowData: WorkflowData,
  registry: ComponentRegistry,
  limits: Pick<WorkflowLimits, 'minScheduleIntervalMs'>,
): WorkflowTriggerSet {
  const set: WorkflowTriggerSet = { webhooks: [], schedules: [], issues: [] };
  for (const node of workflowData.nodes) {
    if (node.type !== 'webhook_trigger' && node.type !== 'schedule_trigger') continue;
    if (!registry.hasComponent(node.type)) continue;
    const values = registry.resolve(node.type).parameters.withDefaults(node.data.parameters);
    const dynamic = FIXED[node.type].filter((name) => containsExpression(values[name]));
    for (const name of dynamic) {
      set.issues.push({
        path: `workflow_data.${node.id}.${name}`,
        message: `Give "${name}" a fixed value: a trigger's settings can't hold expressions`,
      });
    }
    if (dynamic.length > 0) continue;
    if (node.type === 'webhook_trigger') {
      const parsed = WebhookTriggerSchema.safeParse({ ...values, step_id: node.id });
      if (parsed.success) set.webhooks.push(parsed.data);
      else set.issues.push(notReadable(node.id));
    } else {
      const parsed = ScheduleTriggerSchema.safeParse({ ...values, step_id: node.id });
      if (!parsed.success) set.issues.push(notReadable(node.id));
      else {
        const tooFrequent = frequencyIssue(parsed.data, limits.minScheduleIntervalMs);
        if (tooFrequent) set.issues.push(tooFrequent);
        else set.schedules.push(parsed.data);
      }
    }
  }
  const seen = new Map<string, string>();
  for (const webhook of set.webhooks) {
    const key = `${webhook.method} ${webhook.path}`;
    const first = seen.get(key);
    if (first === undefined) seen.set(key, webhook.step_id);
    else {
      set.issues.push({
        path: `workflow_data.${webhook.step_id}.path`,
        message: `Webhooks "${first}" and "${webhook.step_id}" both listen to ${key}`,
      });
    }
  }
  return set;
}

/** `SCHEDULE_TOO_FREQUENT` when a schedule fires more often than `minIntervalMs` allows. */
function frequencyIssue(schedule: ScheduleTrigger, minIntervalMs: number): ErrorIssue | undefined {
  if (minIntervalMs <= 0) return undefined;
  let shortest: number | null;
  try {
    shortest = shortestCronIntervalMs(schedule.cron, schedule.timezone);
  } catch {
    // Validation reports a bad cron or time zone; nothing fires from it either way.
    return undefined;
  }
  if (shortest === null || shortest >= minIntervalMs) return undefined;
  return {
    path: `workflow_data.${schedule.step_id}.cron`,
    code: 'SCHEDULE_TOO_FREQUENT',
    message: `Schedule "${schedule.step_id}" fires every ${formatMs(shortest)} at times; schedules may fire at most every ${formatMs(minIntervalMs)} (limits.minScheduleIntervalMs)`,
  };
}

/** `1 s`, `90 s`, `250 ms`: a gap as a person reads it. */
function formatMs(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}

function notReadable(stepId: string): ErrorIssue {
  return {
    path: `workflow_data.${stepId}`,
    message: `The settings of trigger "${stepId}" are invalid`,
  };
}
