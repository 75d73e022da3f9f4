import {
  AuditPageSchema,
  CredentialSummarySchema,
  ExecutionEventSchema,
  ExecutionStatusSchema,
  InstanceSummarySchema,
  LogEntrySchema,
  SavedWorkflowSchema,
  StoredAuditEntrySchema,
  WorkflowComponentMetadataSchema,
  WorkflowDataSchema,
  WorkflowInstanceSchema,
  WorkflowIssueSchema,
  WorkflowListItemSchema,
  WorkflowSummarySchema,
  WorkflowVersionSummarySchema,
} from '@flowloom/core';
import { z } from 'zod';
import {
  CreateCredentialRequestSchema,
  CredentialListResponseSchema,
  UpdateCredentialRequestSchema,
} from '../http/credentialSchemas';
import {
  InstanceListResponseSchema,
  VersionConflictResponseSchema,
  VersionListResponseSchema,
  WorkflowFileSchema,
} from '../http/runHistorySchemas';
import {
  CreateInstanceRequestSchema,
  ErrorResponseSchema,
  ExecuteRequestSchema,
  ExecuteResponseSchema,
  ResumeRequestSchema,
  SaveRequestSchema,
  SaveResponseSchema,
} from '../http/schemas';
import {
  ActivateResponseSchema,
  DeactivateResponseSchema,
  TriggerInfoSchema,
  WebhookAcceptedSchema,
  WorkflowDetailSchema,
} from '../http/triggerSchemas';

/** Every answer's schema, by the name it has under `components.schemas` (answers as sent). */
const ANSWERS = {
  Error: ErrorResponseSchema,
  VersionConflict: VersionConflictResponseSchema,
  Component: WorkflowComponentMetadataSchema,
  ComponentList: z.object({ components: z.array(WorkflowComponentMetadataSchema) }),
  WorkflowData: WorkflowDataSchema,
  WorkflowIssue: WorkflowIssueSchema,
  WorkflowInstance: WorkflowInstanceSchema,
  InstanceSummary: InstanceSummarySchema,
  InstanceList: InstanceListResponseSchema,
  RunAccepted: ExecuteResponseSchema,
  ExecutionStatus: ExecutionStatusSchema,
  LogEntry: LogEntrySchema,
  LogList: z.object({ logs: z.array(LogEntrySchema) }),
  SavedWorkflow: SavedWorkflowSchema,
  WorkflowSummary: WorkflowSummarySchema,
  WorkflowList: z.object({ workflows: z.array(WorkflowListItemSchema), total: z.number().int() }),
  SaveResult: SaveResponseSchema,
  WorkflowVersionSummary: WorkflowVersionSummarySchema,
  VersionList: VersionListResponseSchema,
  WorkflowFile: WorkflowFileSchema,
  TriggerInfo: TriggerInfoSchema,
  WorkflowDetail: WorkflowDetailSchema,
  Activation: ActivateResponseSchema,
  Deactivation: DeactivateResponseSchema,
  WebhookAccepted: WebhookAcceptedSchema,
  Credential: CredentialSummarySchema,
  CredentialList: CredentialListResponseSchema,
  ExecutionEvent: ExecutionEventSchema,
  AuditEntry: StoredAuditEntrySchema,
  AuditPage: AuditPageSchema,
} satisfies Record<string, z.ZodType>;

/** Every request body's schema, by its name (bodies as the server accepts them). */
const REQUESTS = {
  WorkflowDataInput: WorkflowDataSchema,
  CreateInstanceRequest: CreateInstanceRequestSchema,
  ExecuteRequest: ExecuteRequestSchema,
  ResumeRequest: ResumeRequestSchema,
  SaveWorkflowRequest: SaveRequestSchema,
  WorkflowFileInput: WorkflowFileSchema,
  CreateCredentialRequest: CreateCredentialRequestSchema,
  UpdateCredentialRequest: UpdateCredentialRequestSchema,
} satisfies Record<string, z.ZodType>;

/** The name of a schema under `components.schemas`. */
export type SchemaName = keyof typeof ANSWERS | keyof typeof REQUESTS;

/** A reference to a named schema. */
export const ref = (name: SchemaName) => ({ $ref: `#/components/schemas/${name}` });

/**
 * `components.schemas`: every resource, answer and request body, generated from the zod schemas
 * the routes validate with; a named schema used inside another is a `$ref` to it.
 */
export function componentSchemas(): Record<string, unknown> {
  return { ...convert(ANSWERS, 'output'), ...convert(REQUESTS, 'input') };
}

function convert(named: Record<string, z.ZodType>, io: 'input' | 'output') {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(named)) registry.add(schema, { id });
  const { schemas } = z.toJSONSchema(registry, {
    io,
    target: 'draft-2020-12',
    unrepresentable: 'any',
    uri: (id) => `#/components/schemas/${id}`,
  });
  // `$schema` and `$id` belong to standalone schemas, not to the document's components.
  return Object.fromEntries(
    Object.entries(schemas).map(([id, { $schema: _schema, $id: _id, ...schema }]) => [
      id,
      io === 'input' ? defaultsAsText(schema) : schema,
    ]),
  );
}

/**
 * A request schema with each `default` moved into its description: generators such as
 * openapi-typescript make a property with a default required, which a request may leave out.
 */
function defaultsAsText(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(defaultsAsText);
  if (!schema || typeof schema !== 'object') return schema;
  const { default: fallback, ...rest } = schema as Record<string, unknown>;
  const result = Object.fromEntries(
    Object.entries(rest).map(([key, value]) => [key, defaultsAsText(value)]),
  );
  if (fallback === undefined) return result;
  const said = `Default: ${JSON.stringify(fallback)}.`;
  return {
    ...result,
    description: typeof result.description === 'string' ? `${result.description} ${said}` : said,
  };
}

/** A zod schema as draft 2020-12 JSON Schema, inline (a query parameter's). */
export const toJson = (schema: z.ZodType, io: 'input' | 'output') => {
  const { $schema: _schema, ...json } = z.toJSONSchema(schema, {
    io,
    unrepresentable: 'any',
    target: 'draft-2020-12',
  });
  return json;
};
