import {
  ErrorCode,
  type ExecutionStatus,
  type FlowloomError,
  toFlowloomError,
} from '@flowloom/core';
import type { Context, Hono } from 'hono';
import { looksLikeWorkflowId } from '../triggers/looksLikeWorkflowId';
import { readBodyBytes } from '../triggers/readBodyBytes';
import { acceptedAnswer, finishedAnswer } from '../triggers/webhookAnswer';
import { webhookRunInput } from '../triggers/webhookRunInput';
import type { ApiDependencies, ApiEnv } from './apiEnv';
import { errorResponse, httpError } from './errorResponse';
import { withTimeout } from './withTimeout';

/**
 * The webhook route, `{base}/webhooks/{workflow_id}{path}` for any method: not behind
 * `authenticate` (other systems call it) but limited per client IP (`rateLimit.webhookPerIp`)
 * and per active workflow (`rateLimit.webhook`), under the body limit, and checked against the
 * trigger's own `auth`. Register it before the API's request timeout: a `when_finished` webhook
 * keeps its caller for the trigger's `timeout_ms`.
 *
 * @remarks What an unknown caller can make the server keep is bounded: an id that can't be a
 * workflow id is refused (404) before anything is looked up or counted, the per-IP counter comes
 * next, and the per-workflow counter only once the workflow was found active.
 */
export function addWebhookRoutes(app: Hono<ApiEnv>, deps: ApiDependencies, basePath: string): void {
  const prefix = `${basePath}/webhooks/`;
  const handle = (c: Context<ApiEnv>) => answerWebhook(c, deps, prefix);
  app.all('/webhooks/:workflow_id', handle);
  app.all('/webhooks/:workflow_id/*', handle);
}

async function answerWebhook(
  c: Context<ApiEnv>,
  deps: ApiDependencies,
  prefix: string,
): Promise<Response> {
  const request = c.req.raw;
  const target = webhookTarget(new URL(request.url).pathname, prefix);
  if (!target || !looksLikeWorkflowId(target.workflowId)) throw noWebhook();
  const { workflowId, path } = target;
  const clientIp = c.env?.clientIp;
  await deps.limiter?.checkWebhookCaller(clientIp);
  const found = await deps.triggers.webhooksAt(workflowId, path);
  if (!found) throw noWebhook();
  // Only now: a counter per made-up workflow id would grow without bound.
  await deps.limiter?.checkWebhook(workflowId);
  const webhook = found.webhooks.find((candidate) => candidate.method === request.method);
  if (!webhook) {
    const allow = [...new Set(found.webhooks.map((candidate) => candidate.method))].join(', ');
    return errorResponse(
      httpError(
        ErrorCode.METHOD_NOT_ALLOWED,
        `This webhook answers ${allow}, not ${request.method}`,
      ),
      deps.reporter,
      { allow },
    );
  }
  // A caller refused too often is turned away before its next guess is looked at.
  if (webhook.auth !== 'none') await deps.limiter?.refuseExhaustedUnauthenticated(clientIp);
  const body = await withTimeout(readBodyBytes(request, deps.bodyLimit), deps.requestTimeoutMs);
  const { workflow } = found.version;
  const owner = { created_by: workflow.created_by, tenant_id: workflow.tenant_id };
  const auth = await deps.triggers.checkAuth(webhook, request, body, owner).catch(async (error) => {
    if ((error as FlowloomError).code === ErrorCode.UNAUTHENTICATED) {
      await deps.limiter?.checkUnauthenticated(clientIp);
    }
    throw error;
  });
  const input = webhookRunInput(request, path, body, {
    maxDepth: deps.limits.maxJsonDepth,
    withhold: auth.secretHeader,
  });
  const started = await deps.triggers
    .trigger(workflowId, webhook.step_id, input)
    .catch((thrown: unknown) => {
      const error = toFlowloomError(thrown);
      // Deactivated or changed between the lookup and the start.
      if (error.code === ErrorCode.WORKFLOW_INACTIVE || error.code === ErrorCode.NOT_FOUND) {
        throw noWebhook();
      }
      if (error.code === ErrorCode.INVALID_WORKFLOW) {
        // The issues describe the owner's private workflow: for the host's log, not the caller.
        const issues = error.issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ');
        deps.reporter.error(
          `[flowloom] Webhook "${webhook.step_id}" of workflow "${workflowId}" started no run: its active version no longer validates (${issues})`,
          error,
        );
        throw httpError(ErrorCode.WEBHOOK_UNAVAILABLE, 'This webhook cannot start a run right now');
      }
      throw error;
    });
  if (webhook.respond === 'immediately') return acceptedAnswer(started.instance.instance_id);
  const status = await waitAtMost(started.done, webhook.timeout_ms);
  return finishedAnswer(started.instance, status, deps.registry);
}

/** The workflow id and the trigger path a webhook URL names; `undefined` when it is malformed. */
function webhookTarget(
  pathname: string,
  prefix: string,
): { workflowId: string; path: string } | undefined {
  if (!pathname.startsWith(prefix)) return undefined;
  const rest = pathname.slice(prefix.length);
  const slash = rest.indexOf('/');
  const rawId = slash === -1 ? rest : rest.slice(0, slash);
  const rawPath = slash === -1 ? '/' : rest.slice(slash);
  try {
    return { workflowId: decodeURIComponent(rawId), path: decodeURI(rawPath) };
  } catch {
    return undefined;
  }
}

/** The run's final state, or `undefined` when it has not ended within `ms`. */
async function waitAtMost(
  done: Promise<ExecutionStatus>,
  ms: number,
): Promise<ExecutionStatus | undefined> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  try {
    return await Promise.race([done, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function noWebhook(): FlowloomError {
  return httpError(ErrorCode.NOT_FOUND, 'No active webhook listens here');
}
