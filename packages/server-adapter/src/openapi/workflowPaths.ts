import { ListVersionsQuerySchema, WorkflowVersionQuerySchema } from '../http/runHistorySchemas';
import { body, errorAnswers, ok, pathParameter, queryParameters } from './openApiParts';
import { ANSWER_EXAMPLES as answers, BODY_EXAMPLES as bodies } from './operationExamples';

/** The OpenAPI path items of the saved-workflow routes: read, versions, delete, export, import. */
export function workflowPaths(at: (path: string) => string): Record<string, unknown> {
  const workflowId = [pathParameter('workflow_id')];
  return {
    [at('/workflows/{workflow_id}')]: {
      get: {
        operationId: 'getWorkflow',
        summary:
          'A saved workflow at its latest version, with its activation: active, active_version and the armed triggers (webhook_url, next_run_at)',
        parameters: workflowId,
        responses: { 200: ok('WorkflowDetail', answers.getWorkflow), ...errorAnswers('get') },
      },
      delete: {
        operationId: 'deleteWorkflow',
        summary:
          'Delete a saved workflow and its versions (it is deactivated); its runs stay readable',
        parameters: workflowId,
        responses: { 204: { description: 'Deleted' }, ...errorAnswers('delete') },
      },
    },
    [at('/workflows/{workflow_id}/versions')]: {
      get: {
        operationId: 'listWorkflowVersions',
        summary: 'Every saved version of a workflow, newest first',
        parameters: [...workflowId, ...queryParameters(ListVersionsQuerySchema)],
        responses: {
          200: ok('VersionList', answers.listWorkflowVersions),
          ...errorAnswers('get'),
        },
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
            ...ok('WorkflowFile', answers.exportWorkflow),
            headers: {
              'Content-Disposition': { $ref: '#/components/headers/Content-Disposition' },
            },
          },
          ...errorAnswers('get'),
        },
      },
    },
    [at('/workflows/import')]: {
      post: {
        operationId: 'importWorkflow',
        summary:
          'Save a workflow file as a new workflow; placeholders are reported as MISSING_CREDENTIAL in validation',
        requestBody: body('WorkflowFileInput', bodies.importWorkflow),
        responses: {
          201: ok('SaveResult', answers.importWorkflow, 'Created'),
          ...errorAnswers('post', [], {
            400: 'VALIDATION_FAILED: not a workflow file (flowloom_version 1); INVALID_WORKFLOW: over the server limits; every problem in error.issues',
          }),
        },
      },
    },
  };
}
