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
  CreateInstanceRequestSchema,
  ErrorResponseSchema,
  ExecuteRequestSchema,
  ExecuteResponseSchema,
  ListInstancesQuerySchema,
  ListWorkflowsQuerySchema,
  LogsQuerySchema,
  SaveRequestSchema,
  SaveResponseSchema,
} from '../http/schemas';

type Schema = z.ZodType;

const toJson = (schema: Schema, io: 'input' | 'output') =>
  z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' });

const errorContent = (description: string) => ({
  description,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
});

const ok = (schema: Schema, description = 'OK') => ({
  description,
  content: { 'application/json': { schema: toJson(schema, 'output') } },
});

const body = (schema: Schema) => ({
  required: true,
  content: { 'application/json': { schema: toJson(schema, 'input') } },
});

const pathParameter = (name: string) => ({
  name,
  in: 'path',
  required: true,
  schema: { type: 'string' },
});

function queryParameters(schema: z.ZodObject) {
  return Object.entries(schema.shape).map(([name, field]) => ({
    name,
    in: 'query',
    required: false,
    schema: toJson(field as Schema, 'input'),
  }));
}

const standardErrors = {
  400: errorContent('Invalid input: every problem in error.issues'),
  401: errorContent('Not authenticated'),
  403: errorContent('Not allowed, or the resource belongs to another user'),
  404: errorContent('Not found'),
  408: errorContent('The request timed out'),
  413: errorContent('The body is over the size limit'),
  429: errorContent('Over a rate limit; see Retry-After'),
  500: errorContent('A bug; no details are given'),
};

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
          summary: "The caller's instances",
          parameters: queryParameters(ListInstancesQuerySchema),
          responses: {
            200: ok(
              z.object({ instances: z.array(WorkflowInstanceSchema), total: z.number().int() }),
            ),
            ...standardErrors,
          },
        },
      },
      [at('/instances/{instance_id}')]: {
        get: {
          operationId: 'getInstance',
          summary: 'One instance',
          parameters: instanceId,
          responses: { 200: ok(WorkflowInstanceSchema), ...standardErrors },
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
            409: errorContent('Already running'),
            ...standardErrors,
          },
        },
      },
      [at('/instances/{instance_id}/stop')]: {
        post: {
          operationId: 'stopInstance',
          summary: 'Cancel a running run',
          parameters: instanceId,
          responses: {
            200: ok(ExecutionStatusSchema),
            409: errorContent('Not running'),
            ...standardErrors,
          },
        },
      },
      [at('/instances/{instance_id}/status')]: {
        get: {
          operationId: 'getInstanceStatus',
          summary: 'The state of the latest run, step by step',
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
          summary: 'Save a workflow (drafts that fail validation too)',
          requestBody: body(SaveRequestSchema),
          responses: { 200: ok(SaveResponseSchema), ...standardErrors },
        },
      },
      [at('/editor/load/{workflow_id}')]: {
        get: {
          operationId: 'loadWorkflow',
          summary: 'One saved workflow',
          parameters: [pathParameter('workflow_id')],
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
