import { ErrorCode } from '@flowloom/core';
import { Hono } from 'hono';
import { addAuditRoutes } from '../audit/auditRoutes';
import { addMetricsRoute } from '../metrics/metricsRoute';
import { addActivationRoutes } from './activationRoutes';
import { refuseOtherHosts } from './allowedHosts';
import { createAllowedMethods } from './allowedMethods';
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

/**
 * The API as one Hono app under `basePath`: every route of the seed plus `/openapi.json` and
 * `/asyncapi.json`. A path it has answers other methods 405 with `Allow`; other paths 404.
 */
export function createApiApp(basePath: string, deps: ApiDependencies): Hono<ApiEnv> {
  const app = new Hono<ApiEnv>().basePath(basePath);
  const guard = createRouteGuard(deps);
  const allowedAt = createAllowedMethods(() => app.routes);

  // First of all, webhooks included: a request naming another host is none of this server's.
  if (deps.allowedHosts) {
    const allowedHosts = deps.allowedHosts;
    app.use('*', async (c, next) => {
      refuseOtherHosts(c.req.raw, allowedHosts);
      await next();
    });
  }
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
  addAuditRoutes(app, deps, guard);
  if (deps.metrics) addMetricsRoute(app, { access: deps.access, metrics: deps.metrics }, guard);
  app.get('/openapi.json', guard('openapi'), (c) => json(200, deps.openApiDocument(c.req.raw)));
  app.get('/asyncapi.json', guard('asyncapi'), (c) => json(200, deps.asyncApiDocument(c.req.raw)));

  app.notFound((c) => {
    const { pathname } = new URL(c.req.url);
    const allowed = allowedAt(pathname);
    if (allowed) {
      const allow = allowed.join(', ');
      return errorResponse(
        httpError(
          ErrorCode.METHOD_NOT_ALLOWED,
          `${pathname} answers ${allow}, not ${c.req.method}`,
        ),
        deps.reporter,
        { allow },
      );
    }
    return errorResponse(
      httpError(ErrorCode.NOT_FOUND, `No route ${c.req.method} ${pathname}`),
      deps.reporter,
    );
  });
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
