import {
  CredentialSummarySchema,
  ExecutionEventSchema,
  ExecutionStatusSchema,
  LogEntrySchema,
  SavedWorkflowSchema,
  WorkflowComponentMetadataSchema,
  WorkflowInstanceSchema,
  WorkflowSummarySchema,
} from '@flowloom/core';
import { z } from 'zod';
import {
  CreateCredentialRequestSchema,
  CredentialListResponseSchema,
  ListCredentialsQuerySchema,
  UpdateCredentialRequestSchema,
} from '../http/credentialSchemas';
import {
  InstanceListResponseSchema,
  VersionConflictResponseSchema,
  WorkflowVersionQuerySchema,
} from '../http/runHistorySchemas';
import {
  CreateInstanceRequestSchema,
  ErrorResponseSchema,
  ExecuteRequestSchema,
  ExecuteResponseSchema,
  ListInstancesQuerySchema,
  ListWorkflowsQuerySchema,
  LogsQuerySchema,
  ResumeRequestSchema,
  SaveRequestSchema,
  SaveResponseSchema,
} from '../http/schemas';
import {
  body,
  errorContent,
  ok,
  pathParameter,
  queryParameters,
  standardErrors,
  toJson,
} from './openApiParts';
import { triggerPaths } from './triggerPaths';
import { workflowPaths } from './workflowPaths';

const notConfigured = errorContent('Credentials are not configured: no credentialsKey');

/**
 * The OpenAPI 3.1 document of the API under `basePath`, generated from the same zod schemas the
 * routes validate with.
 */
export function buildOpenApiDocument(basePath: string): Record<string, unknown> {
  const at = (path: string) => `${basePath}${path}`;
  const instanceId = [pathParameter('instance_id')];
  const credentialId = [pathParameter('credential_id')];
  return {
    openapi: '3.1.0',
    info: {
      title: 'Flowloom workflow API',
      version: '1.0.0',
      description:
        'Components, instances, execution and the editor. Events stream over the WebSocket at ' +
        at('/ws/{instance_id}?since=N') +
        ', one ExecutionEvent per message.',
    },
    paths: {
      [at('/components')]: {
        get: {
          operationId: 'listComponents',
          summary: 'Every registered component',
          responses: {
            200: ok(z.object({ components: z.array(WorkflowComponentMetadataSchema) })),
            304: { description: 'Not modified (If-None-Match)' },
            ...standardErrors,
          },
        },
      },
      [at('/components/{component_type}')]: {
        get: {
          operationId: 'getComponent',
          summary: 'One component',
          parameters: [pathParameter('component_type')],
          responses: { 200: ok(WorkflowComponentMetadataSchema), ...standardErrors },
        },
      },
      [at('/instances')]: {
        post: {
          operationId: 'createInstance',
          summary: 'Create an instance from a document or a saved workflow',
          requestBody: body(CreateInstanceRequestSchema),
          responses: { 201: ok(WorkflowInstanceSchema, 'Created'), ...standardErrors },
        },
        get: {
          operationId: 'listInstances',
          summary:
            "The caller's runs as summaries (no documents, inputs or outputs), newest first, filtered and paged by offset or cursor",
          parameters: queryParameters(ListInstancesQuerySchema),
          responses: { 200: ok(InstanceListResponseSchema), ...standardErrors },
        },
      },
      [at('/instances/{instance_id}')]: {
        get: {
          operationId: 'getInstance',
          summary: 'One instance',
          parameters: instanceId,
          responses: { 200: ok(WorkflowInstanceSchema), ...standardErrors },
        },
        delete: {
          operationId: 'deleteInstance',
          summary: 'Delete a run with its events and logs',
          parameters: instanceId,
          responses: {
            204: { description: 'Deleted' },
            409: errorContent('Running, interrupted or otherwise not finished: stop it first'),
            ...standardErrors,
          },
        },
      },
      [at('/instances/{instance_id}/execute')]: {
        post: {
          operationId: 'executeInstance',
          summary: 'Start a run',
          parameters: instanceId,
          requestBody: { ...body(ExecuteRequestSchema), required: false },
          responses: {
            202: ok(ExecuteResponseSchema, 'Accepted'),
            409: errorContent(
              'Already running, or interrupted (it resumes when the server starts)',
            ),
            503: errorContent('The server is shutting down; see Retry-After'),
            ...standardErrors,
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
            202: ok(ExecuteResponseSchema, 'Accepted'),
            409: errorContent('Running, interrupted, completed, or never ran'),
            503: errorContent('The server is shutting down; see Retry-After'),
            ...standardErrors,
          },
        },
      },
      [at('/instances/{instance_id}/stop')]: {
        post: {
          operationId: 'stopInstance',
          summary: 'Cancel a running, waiting or interrupted run (and its sub-workflow runs)',
          parameters: instanceId,
          responses: {
            200: ok(ExecutionStatusSchema),
            409: errorContent('Not running'),
            ...standardErrors,
          },
        },
      },
      [at('/instances/{instance_id}/resume')]: {
        post: {
          operationId: 'resumeInstance',
          summary:
            'Resume a wait step that waits for a resume (an approval): data becomes its output and the run goes on',
          parameters: instanceId,
          requestBody: body(ResumeRequestSchema),
          responses: {
            202: ok(ExecuteResponseSchema, 'Accepted'),
            409: errorContent('That step is not waiting for a resume'),
            503: errorContent('The server is shutting down; see Retry-After'),
            ...standardErrors,
            404: errorContent('No such instance, or no such step in it'),
          },
        },
      },
      [at('/instances/{instance_id}/status')]: {
        get: {
          operationId: 'getInstanceStatus',
          summary:
            'The state of the latest run, step by step; a waiting step shows what it waits for and when it wakes',
          parameters: instanceId,
          responses: { 200: ok(ExecutionStatusSchema), ...standardErrors },
        },
      },
      [at('/instances/{instance_id}/logs')]: {
        get: {
          operationId: 'getInstanceLogs',
          summary: 'Log lines in order',
          parameters: [...instanceId, ...queryParameters(LogsQuerySchema)],
          responses: { 200: ok(z.object({ logs: z.array(LogEntrySchema) })), ...standardErrors },
        },
      },
      [at('/editor/save')]: {
        post: {
          operationId: 'saveWorkflow',
          summary:
            'Save a workflow (drafts that fail validation too); each save is kept as a version',
          requestBody: body(SaveRequestSchema),
          responses: {
            200: ok(SaveResponseSchema),
            409: {
              description:
                'VERSION_CONFLICT: saved meanwhile (expected_version is not the stored version); nothing was written',
              content: {
                'application/json': { schema: toJson(VersionConflictResponseSchema, 'output') },
              },
            },
            ...standardErrors,
          },
        },
      },
      [at('/editor/load/{workflow_id}')]: {
        get: {
          operationId: 'loadWorkflow',
          summary: 'One saved workflow, at its latest version or the one asked for',
          parameters: [
            pathParameter('workflow_id'),
            ...queryParameters(WorkflowVersionQuerySchema),
          ],
          responses: { 200: ok(SavedWorkflowSchema), ...standardErrors },
        },
      },
      [at('/editor/list')]: {
        get: {
          operationId: 'listWorkflows',
          summary: "The caller's saved workflows",
          parameters: queryParameters(ListWorkflowsQuerySchema),
          responses: {
            200: ok(
              z.object({ workflows: z.array(WorkflowSummarySchema), total: z.number().int() }),
            ),
            ...standardErrors,
          },
        },
      },
      [at('/credentials')]: {
        post: {
          operationId: 'createCredential',
          summary: 'Store a credential: its data is encrypted and never returned',
          requestBody: body(CreateCredentialRequestSchema),
          responses: {
            201: ok(CredentialSummarySchema, 'Created'),
            501: notConfigured,
            ...standardErrors,
          },
        },
        get: {
          operationId: 'listCredentials',
          summary: 'The credentials the caller may use (their own and their tenant’s), no data',
          parameters: queryParameters(ListCredentialsQuerySchema),
          responses: {
            200: ok(CredentialListResponseSchema),
            501: notConfigured,
            ...standardErrors,
          },
        },
      },
      [at('/credentials/{credential_id}')]: {
        get: {
          operationId: 'getCredential',
          summary: 'One credential, without its data',
          parameters: credentialId,
          responses: { 200: ok(CredentialSummarySchema), 501: notConfigured, ...standardErrors },
        },
        put: {
          operationId: 'updateCredential',
          summary: 'Rename a credential and/or replace its data',
          parameters: credentialId,
          requestBody: body(UpdateCredentialRequestSchema),
          responses: { 200: ok(CredentialSummarySchema), 501: notConfigured, ...standardErrors },
        },
        delete: {
          operationId: 'deleteCredential',
          summary: 'Delete a credential',
          parameters: credentialId,
          responses: { 204: { description: 'Deleted' }, 501: notConfigured, ...standardErrors },
        },
      },
      ...workflowPaths(at),
      ...triggerPaths(at),
      [at('/openapi.json')]: {
        get: {
          operationId: 'getOpenApi',
          summary: 'This document',
          responses: {
            200: {
              description: 'OpenAPI 3.1',
              content: { 'application/json': { schema: { type: 'object' } } },
            },
            ...standardErrors,
          },
        },
      },
    },
    components: {
      schemas: {
        Error: toJson(ErrorResponseSchema, 'output'),
        ExecutionEvent: toJson(ExecutionEventSchema, 'output'),
      },
    },
  };
}
