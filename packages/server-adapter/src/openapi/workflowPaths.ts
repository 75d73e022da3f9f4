import {
  ListVersionsQuerySchema,
  VersionListResponseSchema,
  WorkflowFileSchema,
  WorkflowVersionQuerySchema,
} from '../http/runHistorySchemas';
import { SaveResponseSchema } from '../http/schemas';
import { WorkflowDetailSchema } from '../http/triggerSchemas';
import {
  body,
  errorContent,
  ok,
  pathParameter,
  queryParameters,
  standardErrors,
} from './openApiParts';

/** The OpenAPI path items of the saved-workflow routes: versions, delete, export and import. */
export function workflowPaths(at: (path: string) => string): Record<string, unknown> {
  const workflowId = [pathParameter('workflow_id')];
  return {
    [at('/workflows/{workflow_id}')]: {
      get: {
        operationId: 'getWorkflow',
        summary:
          'A saved workflow at its latest version, with its activation: active, active_version and the armed triggers (webhook_url, next_run_at)',
        parameters: workflowId,
        responses: { 200: ok(WorkflowDetailSchema), ...standardErrors },
      },
      delete: {
        operationId: 'deleteWorkflow',
        summary:
          'Delete a saved workflow and its versions (it is deactivated); its runs stay readable',
        parameters: workflowId,
        responses: { 204: { description: 'Deleted' }, ...standardErrors },
      },
    },
    [at('/workflows/{workflow_id}/versions')]: {
      get: {
        operationId: 'listWorkflowVersions',
        summary: 'Every saved version of a workflow, newest first',
        parameters: [...workflowId, ...queryParameters(ListVersionsQuerySchema)],
        responses: { 200: ok(VersionListResponseSchema), ...standardErrors },
      },
    },
    [at('/workflows/{workflow_id}/export')]: {
      get: {
        operationId: 'exportWorkflow',
        summary:
          'A workflow as a file (Content-Disposition: attachment), credential references replaced by { credential_type } placeholders',
        parameters: [...workflowId, ...queryParameters(WorkflowVersionQuerySchema)],
        responses: {
          200: {
            ...ok(WorkflowFileSchema),
            headers: {
              'Content-Disposition': {
                description: 'attachment; filename="<name>.flowloom.json"',
                schema: { type: 'string' },
              },
            },
          },
          ...standardErrors,
        },
      },
    },
    [at('/workflows/import')]: {
      post: {
        operationId: 'importWorkflow',
        summary:
          'Save a workflow file as a new workflow; placeholders are reported as MISSING_CREDENTIAL in validation',
        requestBody: body(WorkflowFileSchema),
        responses: {
          201: ok(SaveResponseSchema, 'Created'),
          ...standardErrors,
          400: errorContent(
            'Not a workflow file (flowloom_version 1), or over the server limits: every problem in error.issues',
          ),
        },
      },
    },
  };
}
