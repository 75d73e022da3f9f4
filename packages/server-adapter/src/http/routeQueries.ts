import { z } from 'zod';
import { AuditQuerySchema } from '../audit/auditSchemas';
import { ListCredentialsQuerySchema } from './credentialSchemas';
import type { RouteName } from './routeNames';
import { ListVersionsQuerySchema, WorkflowVersionQuerySchema } from './runHistorySchemas';
import { ListInstancesQuerySchema, ListWorkflowsQuerySchema, LogsQuerySchema } from './schemas';

/**
 * The query each route reads, as a strict schema: a parameter it does not know is refused (400),
 * not ignored, the same way on every route. The OpenAPI document lists these parameters.
 */
export const ROUTE_QUERIES: Partial<Record<RouteName, z.ZodObject>> = {
  listInstances: ListInstancesQuerySchema,
  logs: LogsQuerySchema,
  list: ListWorkflowsQuerySchema,
  load: WorkflowVersionQuerySchema,
  exportWorkflow: WorkflowVersionQuerySchema,
  listVersions: ListVersionsQuerySchema,
  listCredentials: ListCredentialsQuerySchema,
  audit: AuditQuerySchema,
};

/** The query of a route that reads none: any parameter is refused. */
export const NoQuerySchema = z.strictObject({});
