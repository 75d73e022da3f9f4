import { ListInstancesQuerySchema, LogsQuerySchema } from '../http/schemas';
import { body, errorAnswers, ok, pathParameter, queryParameters } from './openApiParts';
import { ANSWER_EXAMPLES as answers, BODY_EXAMPLES as bodies } from './operationExamples';

/** The OpenAPI path items of the instance routes: create, list, read, run, stop, delete. */
export function instancePaths(at: (path: string) => string): Record<string, unknown> {
  const instanceId = [pathParameter('instance_id')];
  return {
    [at('/instances')]: {
      post: {
        operationId: 'createInstance',
        summary: 'Create an instance from a document or a saved workflow',
        description:
          'Give workflow_data (a document; workflow_id may be given beside it and is recorded), or workflow_id with an optional version: exactly one of the two shapes. A document that fails the workflow validation (unknown component types, a cycle, missing parameters) is refused with INVALID_WORKFLOW.',
        requestBody: body('CreateInstanceRequest', bodies.createInstance),
        responses: {
          201: ok('WorkflowInstance', answers.createInstance, 'Created'),
          ...errorAnswers('post', [], {
            400: 'VALIDATION_FAILED (the body) or INVALID_WORKFLOW (the document fails validation); every problem in error.issues',
            404: 'NOT_FOUND: no such saved workflow, or no such version of it',
          }),
        },
      },
      get: {
        operationId: 'listInstances',
        summary:
          "The caller's runs as summaries (no documents, inputs or outputs), newest first, filtered and paged by offset or cursor",
        parameters: queryParameters(ListInstancesQuerySchema),
        responses: {
          200: ok('InstanceList', answers.listInstances),
          ...errorAnswers('get'),
        },
      },
    },
    [at('/instances/{instance_id}')]: {
      get: {
        operationId: 'getInstance',
        summary: 'One instance',
        parameters: instanceId,
        responses: { 200: ok('WorkflowInstance', answers.getInstance), ...errorAnswers('get') },
      },
      delete: {
        operationId: 'deleteInstance',
        summary: 'Delete a run with its events and logs',
        parameters: instanceId,
        responses: {
          204: { description: 'Deleted' },
          ...errorAnswers('delete', [409], {
            409: 'CONFLICT: running, queued, interrupted or otherwise not finished (stop it first), or its parent run has not finished',
          }),
        },
      },
    },
    [at('/instances/{instance_id}/execute')]: {
      post: {
        operationId: 'executeInstance',
        summary: 'Start a run',
        description:
          'Accepted here, run in the background: follow it over the WebSocket (see asyncapi.json) or poll the status. Past `limits.maxConcurrentRunsPerTenant` or `maxConcurrentRunsPerWorkflow` the run waits with status `queued` (event `execution_queued`) and starts in order as others end.',
        parameters: instanceId,
        requestBody: body('ExecuteRequest', bodies.executeInstance, false),
        responses: {
          202: ok('RunAccepted', answers.executeInstance, 'Accepted'),
          ...errorAnswers('post', [409, 503], {
            400: 'VALIDATION_FAILED (the body, or an unknown step in until) or INVALID_WORKFLOW; every problem in error.issues',
            409: 'CONFLICT: already running, queued, waiting, or interrupted (it resumes when the server starts)',
          }),
        },
      },
    },
    [at('/instances/{instance_id}/retry')]: {
      post: {
        operationId: 'retryInstance',
        summary:
          'Run a failed or cancelled run again from its failed steps, reusing completed outputs',
        parameters: instanceId,
        responses: {
          202: ok('RunAccepted', answers.retryInstance, 'Accepted'),
          ...errorAnswers('post', [409, 503], {
            409: 'CONFLICT: running, queued, interrupted, completed, or never ran',
          }),
        },
      },
    },
    [at('/instances/{instance_id}/stop')]: {
      post: {
        operationId: 'stopInstance',
        summary: 'Cancel a running, queued, waiting or interrupted run (and its sub-workflow runs)',
        parameters: instanceId,
        responses: {
          200: ok('ExecutionStatus', answers.stopInstance),
          ...errorAnswers('post', [409], {
            408: 'TIMEOUT: in queue mode, no worker confirmed the stop within the runner’s stopTimeoutMs (30 s by default); the stop stays requested and applies when a worker takes the run. Also when the request took longer than requestTimeoutMs',
            409: 'CONFLICT: not running',
          }),
        },
      },
    },
    [at('/instances/{instance_id}/resume')]: {
      post: {
        operationId: 'resumeInstance',
        summary:
          'Resume a wait step that waits for a resume (an approval): data becomes its output and the run goes on',
        parameters: instanceId,
        requestBody: body('ResumeRequest', bodies.resumeInstance),
        responses: {
          202: ok('RunAccepted', answers.resumeInstance, 'Accepted'),
          ...errorAnswers('post', [409, 503], {
            404: 'NOT_FOUND: no such instance, or no such step in it',
            409: 'CONFLICT: that step is not waiting for a resume',
          }),
        },
      },
    },
    [at('/instances/{instance_id}/status')]: {
      get: {
        operationId: 'getInstanceStatus',
        summary:
          'The state of the latest run, step by step; a waiting step shows what it waits for and when it wakes',
        parameters: instanceId,
        responses: {
          200: ok('ExecutionStatus', answers.getInstanceStatus),
          ...errorAnswers('get'),
        },
      },
    },
    [at('/instances/{instance_id}/logs')]: {
      get: {
        operationId: 'getInstanceLogs',
        summary: 'Log lines in order',
        parameters: [...instanceId, ...queryParameters(LogsQuerySchema)],
        responses: { 200: ok('LogList', answers.getInstanceLogs), ...errorAnswers('get') },
      },
    },
  };
}
