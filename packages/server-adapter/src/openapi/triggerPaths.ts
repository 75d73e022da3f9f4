import { z } from 'zod';
import {
  ActivateResponseSchema,
  DeactivateResponseSchema,
  WebhookAcceptedSchema,
} from '../http/triggerSchemas';
import { errorContent, ok, pathParameter, standardErrors } from './openApiParts';

/** The methods a webhook trigger may listen to, each documented as its own operation. */
const WEBHOOK_METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

/** The OpenAPI path items of activation and of the webhook route. */
export function triggerPaths(at: (path: string) => string): Record<string, unknown> {
  const workflowId = [pathParameter('workflow_id')];
  return {
    [at('/workflows/{workflow_id}/activate')]: {
      post: {
        operationId: 'activateWorkflow',
        summary:
          'Activate a saved workflow at its latest version: its webhooks listen and its schedules fire (next_run_at), until deactivated',
        parameters: workflowId,
        responses: {
          200: ok(ActivateResponseSchema),
          ...standardErrors,
          400: errorContent(
            'INVALID_WORKFLOW: the latest version fails validation (every issue in error.issues); NO_TRIGGER: it has no webhook or schedule trigger',
          ),
        },
      },
    },
    [at('/workflows/{workflow_id}/deactivate')]: {
      post: {
        operationId: 'deactivateWorkflow',
        summary: 'Deactivate a workflow: its webhooks answer 404 and its schedules stop',
        parameters: workflowId,
        responses: { 200: ok(DeactivateResponseSchema), ...standardErrors },
      },
    },
    [at('/webhooks/{workflow_id}/{path}')]: Object.fromEntries(
      WEBHOOK_METHODS.map((method) => [method, webhookOperation(method)]),
    ),
  };
}

/** One method of the webhook route. */
function webhookOperation(method: (typeof WEBHOOK_METHODS)[number]) {
  return {
    operationId: `callWebhook${method[0]!.toUpperCase()}${method.slice(1)}`,
    summary: `Call an active workflow's webhook trigger listening to ${method.toUpperCase()} at {path}; not behind authenticate, limited per workflow (rateLimit.webhook)`,
    description:
      'The request becomes the run input { method, path, headers, query, body }: headers lower-cased without authorization and cookie, the body parsed as JSON, a URL-encoded form, or kept as text. With respond: immediately the answer is 202 { instance_id }; with when_finished, once the run ends within timeout_ms: 200 with the workflow output, or the status, headers and body a respond_to_webhook step set (any status); 502 RUN_FAILED for a failed run; 202 { instance_id } while it still runs.',
    parameters: [
      pathParameter('workflow_id'),
      {
        ...pathParameter('path'),
        description: "The trigger's path without its leading /; may hold /",
      },
    ],
    requestBody: {
      required: false,
      content: { '*/*': { schema: {} } },
    },
    responses: {
      200: {
        description:
          'when_finished: the workflow output, or what a respond_to_webhook step set (its status and headers)',
        content: { 'application/json': { schema: toAny() } },
      },
      202: ok(WebhookAcceptedSchema, 'Accepted: the run started (or still runs at timeout_ms)'),
      ...standardErrors,
      401: errorContent("The request fails the trigger's auth (header or hmac_sha256 signature)"),
      404: errorContent('No active workflow has a webhook at this path'),
      405: errorContent('The trigger listens to another method; see Allow'),
      502: errorContent('RUN_FAILED (when_finished): the run failed; error.instance_id names it'),
      503: errorContent('The server is shutting down; see Retry-After'),
    },
  };
}

/** Any JSON value. */
function toAny() {
  return z.toJSONSchema(z.unknown(), { target: 'draft-2020-12' });
}
