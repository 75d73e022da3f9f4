import { ErrorCode } from '@flowloom/core';
import { Hono } from 'hono';
import { addActivationRoutes } from './activationRoutes';
import type { ApiDependencies, ApiEnv } from './apiEnv';
import { addComponentRoutes } from './componentRoutes';
import { addCredentialRoutes } from './credentialRoutes';
import { addEditorRoutes } from './editorRoutes';
import { errorResponse, httpError, json } from './errorResponse';
import { createRouteGuard } from './guardRoute';
import { addInstanceRoutes } from './instanceRoutes';
import { addRunHistoryRoutes } from './runHistoryRoutes';
import { addWebhookRoutes } from './webhookRoutes';
import { withTimeout } from './withTimeout';
import { addWorkflowRoutes } from './workflowRoutes';

/** The API as one Hono app under `basePath`: every route of the seed plus `/openapi.json`. */
export function createApiApp(basePath: string, deps: ApiDependencies): Hono<ApiEnv> {
  const app = new Hono<ApiEnv>().basePath(basePath);
  const guard = createRouteGuard(deps);

  // Before the request timeout: a webhook waiting for its run has its own (`timeout_ms`).
  addWebhookRoutes(app, deps, basePath);
  app.use('*', async (_c, next) => {
    await withTimeout(next(), deps.requestTimeoutMs);
  });
  addComponentRoutes(app, deps, guard);
  addInstanceRoutes(app, deps, guard);
  addRunHistoryRoutes(app, deps, guard);
  addEditorRoutes(app, deps, guard);
  addWorkflowRoutes(app, deps, guard);
  addActivationRoutes(app, deps, guard);
  addCredentialRoutes(app, deps, guard);
  app.get('/openapi.json', guard('openapi'), () => json(200, deps.openApiDocument()));

  app.notFound((c) =>
    errorResponse(
      httpError(ErrorCode.NOT_FOUND, `No route ${c.req.method} ${new URL(c.req.url).pathname}`),
      deps.reporter,
    ),
  );
  app.onError((error) => {
    // A full engine frees a slot as soon as any run ends: ask to come back in a second. A
    // server shutting down is replaced within seconds (a restart or deploy).
    const code = (error as { code?: string }).code;
    const retryAfter =
      (error as { retryAfterSeconds?: number }).retryAfterSeconds ??
      (code === ErrorCode.TOO_MANY_RUNS ? 1 : code === ErrorCode.SHUTTING_DOWN ? 5 : undefined);
    return errorResponse(
      error,
      deps.reporter,
      retryAfter ? { 'retry-after': String(retryAfter) } : undefined,
    );
  });
  return app;
}
