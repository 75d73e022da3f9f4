import { type ErrorStatus, errorAnswer, errorAnswers, ok, pathParameter } from './openApiParts';
import { ANSWER_EXAMPLES as answers } from './operationExamples';

/** The methods a webhook trigger may listen to, each documented as its own operation. */
const WEBHOOK_METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

/** What a webhook may answer besides its success, and what each status means there. */
const WEBHOOK_ERRORS: Partial<Record<ErrorStatus, string>> = {
  400: 'VALIDATION_FAILED: the body could not be read, or nests too deeply',
  401: "UNAUTHENTICATED: the request fails the trigger's auth (header or hmac_sha256 signature)",
  404: 'NOT_FOUND: no active workflow has a webhook at this path (or the id is malformed)',
  405: 'METHOD_NOT_ALLOWED: the trigger listens to another method; see Allow',
  408: 'TIMEOUT: the body took longer than requestTimeoutMs to arrive',
  413: 'PAYLOAD_TOO_LARGE: the body is over bodyLimit',
  421: 'HOST_NOT_ALLOWED: the Host header is not one of the server’s allowedHosts',
  429: 'RATE_LIMITED (per client IP: rateLimit.webhookPerIp; per workflow: rateLimit.webhook) or TOO_MANY_RUNS; see Retry-After',
  500: 'INTERNAL_ERROR: a bug; no details are given',
  502: 'RUN_FAILED (when_finished): the run failed, or its respond_to_webhook step set a redirect status; error.instance_id names it',
  503: "SHUTTING_DOWN: the server is shutting down, see Retry-After; WEBHOOK_UNAVAILABLE: the workflow's active version no longer validates (the issues go to the server log, not to the caller)",
};

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
          200: ok('Activation', answers.activateWorkflow),
          ...errorAnswers('post', [], {
            400: 'INVALID_WORKFLOW: the latest version fails validation (every issue in error.issues); NO_TRIGGER: it has no webhook or schedule trigger; VALIDATION_FAILED: a query parameter',
          }),
        },
      },
    },
    [at('/workflows/{workflow_id}/deactivate')]: {
      post: {
        operationId: 'deactivateWorkflow',
        summary: 'Deactivate a workflow: its webhooks answer 404 and its schedules stop',
        parameters: workflowId,
        responses: {
          200: ok('Deactivation', answers.deactivateWorkflow),
          ...errorAnswers('post'),
        },
      },
    },
    [at('/webhooks/{workflow_id}/{path}')]: Object.fromEntries(
      WEBHOOK_METHODS.map((method) => [method, webhookOperation(method)]),
    ),
  };
}

/** One method of the webhook route. */
function webhookOperation(method: (typeof WEBHOOK_METHODS)[number]) {
  const errors = Object.fromEntries(
    Object.entries(WEBHOOK_ERRORS).map(([status, description]) => {
      const answer = errorAnswer(Number(status) as ErrorStatus, description);
      if (status !== '405') return [status, answer];
      return [status, { ...answer, headers: { Allow: { $ref: '#/components/headers/Allow' } } }];
    }),
  );
  return {
    operationId: `callWebhook${method[0]!.toUpperCase()}${method.slice(1)}`,
    summary: `Call an active workflow's webhook trigger listening to ${method.toUpperCase()} at {path}`,
    description:
      'Not behind authenticate (other systems call it; each trigger has its own auth), limited per client IP (rateLimit.webhookPerIp) and per active workflow (rateLimit.webhook). The request becomes the run input { method, path, headers, query, body }: headers lower-cased without authorization and cookie, the body parsed as JSON, a URL-encoded form, or kept as text; any Content-Type is accepted. With respond: immediately the answer is 202 { instance_id }; with when_finished, once the run ends within timeout_ms: 200 with the workflow output, or the status, headers and body a respond_to_webhook step set (2xx, 4xx or 5xx, never a redirect; only content-type, content-language, cache-control, etag, last-modified, retry-after and x-* headers other than the security headers the server sets); 502 RUN_FAILED for a failed run or a redirect status; 202 { instance_id } while it still runs. A workflow id that cannot be one answers 404 before anything is looked up.',
    security: [],
    parameters: [
      pathParameter('workflow_id'),
      pathParameter('path', "The trigger's path without its leading /; may hold /"),
    ],
    ...(method === 'get' || method === 'delete'
      ? {}
      : {
          requestBody: {
            required: false,
            content: { '*/*': { schema: {}, example: { order_id: 'A-1001' } } },
          },
        }),
    responses: {
      200: {
        description:
          'when_finished: the workflow output, or what a respond_to_webhook step set (its status, headers and body)',
        content: { 'application/json': { schema: {}, example: { ok: true } } },
      },
      202: ok(
        'WebhookAccepted',
        answers.callWebhook,
        'Accepted: the run started (or still runs at timeout_ms)',
      ),
      ...errors,
      default: {
        description:
          'when_finished: the status (2xx, 4xx or 5xx), headers and body a respond_to_webhook step set',
        content: { '*/*': { schema: {} } },
      },
    },
  };
}
