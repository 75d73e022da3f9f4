import {
  type ComponentRegistry,
  ErrorCode,
  type ExecutionStatus,
  isFinalInstanceStatus,
  isWebhookResponseHeaderAllowed,
  type WorkflowInstance,
  workflowOutputOf,
} from '@flowloom/core';
import { json } from '../http/errorResponse';

/**
 * Set on every webhook answer, whatever a `respond_to_webhook` step says: the answer comes from
 * the host's origin with content an end user's workflow chose, so a browser must neither sniff
 * it into a script nor run one in it (a sandboxed page has an opaque origin: no cookies, no
 * storage of the host's), nor frame it.
 */
const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': 'sandbox',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
};

/** Statuses whose answer has no body. */
const NO_BODY = new Set([204, 205, 304]);

/** 202 `{ instance_id }`: the run was accepted (or still runs when the caller stops waiting). */
export function acceptedAnswer(instanceId: string): Response {
  return json(202, { instance_id: instanceId }, SECURITY_HEADERS);
}

/**
 * The answer of a `when_finished` webhook once its run has ended, or still runs: the
 * `respond_to_webhook` step's status, headers and body when one completed; else 200 with the
 * workflow's output; 502 `RUN_FAILED` for a failed or cancelled run; 202 while it runs.
 */
export function finishedAnswer(
  instance: WorkflowInstance,
  status: ExecutionStatus | undefined,
  registry: ComponentRegistry,
): Response {
  if (!status || !isFinalInstanceStatus(status.status)) return acceptedAnswer(instance.instance_id);
  if (status.status !== 'completed') {
    return runFailed(
      status.error?.message ?? `The run ended ${status.status}`,
      instance.instance_id,
    );
  }
  const respond = respondStepOutput(instance, status);
  if (respond) return stepAnswer(respond, instance.instance_id);
  return json(200, workflowOutputOf(outputDocument(instance, registry), status), SECURITY_HEADERS);
}

/** 502 `RUN_FAILED`: the run did not produce an answer the route may send. */
function runFailed(message: string, instanceId: string): Response {
  return json(
    502,
    { error: { code: ErrorCode.RUN_FAILED, message, instance_id: instanceId, issues: [] } },
    SECURITY_HEADERS,
  );
}

/** The output of the `respond_to_webhook` step that completed last, if any did. */
function respondStepOutput(
  instance: WorkflowInstance,
  status: ExecutionStatus,
): Record<string, unknown> | undefined {
  let latest: { finished_at: string; output: Record<string, unknown> } | undefined;
  for (const node of instance.workflow_data.nodes) {
    if (node.type !== 'respond_to_webhook') continue;
    const step = Object.hasOwn(status.steps, node.id) ? status.steps[node.id] : undefined;
    if (step?.status !== 'completed' || typeof step.output_data !== 'object') continue;
    const finished_at = step.finished_at ?? '';
    if (!latest || finished_at >= latest.finished_at) {
      latest = { finished_at, output: step.output_data as Record<string, unknown> };
    }
  }
  return latest?.output;
}

/**
 * The answer a `respond_to_webhook` step set, keeping only the headers a workflow may set
 * (`isWebhookResponseHeaderAllowed`). The component refuses a redirect status and other
 * headers; this holds even for an output that did not come through it (an old run, a host's
 * replacement component): a redirect becomes 502 `RUN_FAILED`, other headers are dropped.
 */
function stepAnswer(output: Record<string, unknown>, instanceId: string): Response {
  const status =
    typeof output.status_code === 'number' &&
    Number.isInteger(output.status_code) &&
    output.status_code >= 200 &&
    output.status_code <= 599
      ? output.status_code
      : 200;
  if (status >= 300 && status <= 399) {
    return runFailed(`respond_to_webhook may not answer with a redirect (${status})`, instanceId);
  }
  const headers = new Headers();
  if (output.headers && typeof output.headers === 'object') {
    for (const [name, value] of Object.entries(output.headers)) {
      if (typeof value !== 'string' || !isWebhookResponseHeaderAllowed(name)) continue;
      try {
        headers.set(name, value);
      } catch {
        // A name or value Headers refuses (the step checked them; an expression may not have).
      }
    }
  }
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) headers.set(name, value);
  const { body } = output;
  if (NO_BODY.has(status) || body === null || body === undefined) {
    return new Response(null, { status, headers });
  }
  if (typeof body === 'string') {
    if (!headers.has('content-type')) headers.set('content-type', 'text/plain; charset=utf-8');
    return new Response(body, { status, headers });
  }
  if (!headers.has('content-type')) headers.set('content-type', 'application/json; charset=utf-8');
  return new Response(JSON.stringify(body), { status, headers });
}

/**
 * The run's document without the workflow's other triggers: they run beside the one that fired
 * (each trigger is an entry) but are no part of its output.
 */
function outputDocument(instance: WorkflowInstance, registry: ComponentRegistry) {
  const fired = instance.trigger?.step_id;
  const isOtherTrigger = (type: string, id: string) =>
    id !== fired && registry.hasComponent(type) && registry.resolve(type).isTrigger;
  return {
    ...instance.workflow_data,
    nodes: instance.workflow_data.nodes.filter((node) => !isOtherTrigger(node.type, node.id)),
  };
}
