import { SavedWorkflowSchema } from '@flowloom/core';
import { z } from 'zod';

/** One armed trigger of an active workflow, as the activation routes describe it. */
export const TriggerInfoSchema = z.object({
  /** The trigger step (node id). */
  step_id: z.string(),
  /** `webhook` or `schedule`: what its runs record as `trigger.type`. */
  type: z.string(),
  /** A webhook's method. */
  method: z.string().optional(),
  /** Where a webhook listens: `{origin}{base}/webhooks/{workflow_id}{path}`. */
  webhook_url: z.string().optional(),
  /** When a schedule fires next (ISO time); absent when its expression matches no later time. */
  next_run_at: z.string().optional(),
});

/** One armed trigger of an active workflow. */
export type TriggerInfo = z.infer<typeof TriggerInfoSchema>;

/** `POST /workflows/{id}/activate` answer. */
export const ActivateResponseSchema = z.object({
  workflow_id: z.string(),
  active: z.literal(true),
  /** The saved version its triggers run. */
  version: z.number().int(),
  triggers: z.array(TriggerInfoSchema),
});

/** `POST /workflows/{id}/deactivate` answer. */
export const DeactivateResponseSchema = z.object({
  workflow_id: z.string(),
  active: z.literal(false),
});

/** `GET /workflows/{id}` answer: the saved workflow at its latest version, and its activation. */
export const WorkflowDetailSchema = SavedWorkflowSchema.extend({
  active: z.boolean(),
  /** The version its triggers run; `null` while inactive. */
  active_version: z.number().int().nullable(),
  /** The armed triggers of `active_version`; empty while inactive. */
  triggers: z.array(TriggerInfoSchema),
});

/**
 * The `activation` of a save answer for an active workflow: the version its triggers run now,
 * the one just saved when it is valid, else the previous valid one.
 */
export const SaveActivationSchema = z.object({
  active: z.literal(true),
  active_version: z.number().int(),
});

/** A webhook's answer when the run was accepted (or is still running at `timeout_ms`). */
export const WebhookAcceptedSchema = z.object({ instance_id: z.string() });
