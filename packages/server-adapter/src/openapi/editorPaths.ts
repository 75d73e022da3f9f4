import { WorkflowVersionQuerySchema } from '../http/runHistorySchemas';
import { ListWorkflowsQuerySchema } from '../http/schemas';
import { body, errorAnswers, ok, pathParameter, queryParameters } from './openApiParts';
import { ref } from './openApiSchemas';
import { ANSWER_EXAMPLES as answers, BODY_EXAMPLES as bodies } from './operationExamples';

/** The OpenAPI path items of the components and the editor: list, save, load. */
export function editorPaths(at: (path: string) => string): Record<string, unknown> {
  return {
    [at('/components')]: {
      get: {
        operationId: 'listComponents',
        summary: 'Every registered component',
        responses: {
          200: {
            ...ok('ComponentList', answers.listComponents),
            headers: {
              ETag: { $ref: '#/components/headers/ETag' },
              'Cache-Control': { $ref: '#/components/headers/Cache-Control' },
            },
          },
          304: {
            description: 'Not modified: the If-None-Match tag is current',
            headers: { ETag: { $ref: '#/components/headers/ETag' } },
          },
          ...errorAnswers('get'),
        },
      },
    },
    [at('/components/{component_type}')]: {
      get: {
        operationId: 'getComponent',
        summary: 'One component',
        parameters: [pathParameter('component_type')],
        responses: { 200: ok('Component', answers.getComponent), ...errorAnswers('get') },
      },
    },
    [at('/editor/save')]: {
      post: {
        operationId: 'saveWorkflow',
        summary:
          'Save a workflow (drafts that fail validation too); each save is kept as a version',
        requestBody: body('SaveWorkflowRequest', bodies.saveWorkflow),
        responses: {
          200: ok('SaveResult', answers.saveWorkflow),
          ...errorAnswers('post'),
          409: {
            description:
              'VERSION_CONFLICT: saved meanwhile (expected_version is not the stored version); nothing was written',
            content: { 'application/json': { schema: ref('VersionConflict') } },
          },
        },
      },
    },
    [at('/editor/load/{workflow_id}')]: {
      get: {
        operationId: 'loadWorkflow',
        summary: 'One saved workflow, at its latest version or the one asked for',
        parameters: [pathParameter('workflow_id'), ...queryParameters(WorkflowVersionQuerySchema)],
        responses: { 200: ok('SavedWorkflow', answers.loadWorkflow), ...errorAnswers('get') },
      },
    },
    [at('/editor/list')]: {
      get: {
        operationId: 'listWorkflows',
        summary: "The caller's saved workflows",
        parameters: queryParameters(ListWorkflowsQuerySchema),
        responses: { 200: ok('WorkflowList', answers.listWorkflows), ...errorAnswers('get') },
      },
    },
  };
}
