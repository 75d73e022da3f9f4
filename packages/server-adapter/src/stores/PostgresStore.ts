import type {
  AuditEntry,
  AuditPage,
  CreateCredentialRecord,
  CredentialPatch,
  CredentialSummary,
  DueWait,
  ExecutionEvent,
  InstancePatch,
  InstanceStatus,
  InstanceSummaryPage,
  ListAuditOptions,
  ListCredentialsOptions,
  ListInstanceSummariesOptions,
  ListInstancesOptions,
  ListOptions,
  LogEntry,
  PruneInstancesOptions,
  RunLease,
  SavedWorkflow,
  SaveWorkflowRecord,
  StoredAuditEntry,
  StoredCredential,
  WorkflowActivation,
  WorkflowInstance,
  WorkflowStore,
  WorkflowSummary,
  WorkflowVersionSummary,
} from '@flowloom/core';
import type { Pool } from 'pg';
import { migratePostgres } from './migratePostgres';
import { PostgresActivations } from './PostgresActivations';
import { PostgresAuditLog } from './PostgresAuditLog';
import { PostgresCredentials } from './PostgresCredentials';
import { PostgresInstances } from './PostgresInstances';
import { PostgresJournal } from './PostgresJournal';
import { PostgresLeases } from './PostgresLeases';
import { PostgresRunHistory } from './PostgresRunHistory';
import { PostgresRunTrees } from './PostgresRunTrees';
import { PostgresWaits } from './PostgresWaits';
import { PostgresWorkflows } from './PostgresWorkflows';
import { postgresMigrations } from './postgresMigrations';
import { type PostgresQueries, postgresQueries } from './postgresQueries';
import { type PostgresStoreOptions, resolvePostgresStoreOptions } from './postgresStoreOptions';

export type { PostgresStoreOptions } from './postgresStoreOptions';

/**
 * A {@link WorkflowStore} in PostgreSQL through `pg`: the store several servers and workers
 * share.
 *
 * @remarks The schema is migrated on first use (or by {@link PostgresStore.migrate}), one
 * server at a time. JSONB columns keep values, not text: objects come back with their keys in
 * PostgreSQL's order. PostgreSQL refuses `\u0000` in text and jsonb, so strings are stored with
 * it escaped (see `postgresText.ts`) and read back intact: query the tables through the store.
 *
 * @example
 * const store = new PostgresStore({ connectionString: process.env.DATABASE_URL! });
 * await store.migrate(); // optional: fail at start-up rather than on the first request
 */
export class PostgresStore implements WorkflowStore {
  private readonly pool: Pool;
  private readonly ownsPool: boolean;
  private readonly schema: string;
  private readonly sql: PostgresQueries;
  private readonly instances: PostgresInstances;
  private readonly journal: PostgresJournal;
  private readonly credentials: PostgresCredentials;
  private readonly workflows: PostgresWorkflows;
  private readonly history: PostgresRunHistory;
  private readonly activations: PostgresActivations;
  private readonly waits: PostgresWaits;
  private readonly trees: PostgresRunTrees;
  private readonly audit: PostgresAuditLog;
  private readonly leases: PostgresLeases;
  private migration: Promise<void> | undefined;
  private closed = false;

  constructor(options: PostgresStoreOptions) {
    const resolved = resolvePostgresStoreOptions(options);
    this.schema = resolved.schema;
    this.pool = resolved.pool;
    this.ownsPool = resolved.ownsPool;
    this.sql = postgresQueries(this.schema);
    const migrate = () => this.migrate();
    this.instances = new PostgresInstances(this.pool, this.sql, migrate);
    this.journal = new PostgresJournal(this.pool, this.sql, migrate);
    this.credentials = new PostgresCredentials(this.pool, this.sql, migrate);
    this.workflows = new PostgresWorkflows(this.pool, this.sql, migrate);
    this.history = new PostgresRunHistory(this.pool, this.sql, migrate);
    this.activations = new PostgresActivations(this.pool, this.schema, migrate);
    this.waits = new PostgresWaits(this.pool, this.schema, migrate);
    this.trees = new PostgresRunTrees(this.pool, this.schema, migrate);
    this.audit = new PostgresAuditLog(this.pool, this.schema, migrate);
    this.leases = new PostgresLeases(this.pool, this.schema, migrate);
  }

  /**
   * Applies the schema's pending migrations. Every other method does so first when needed;
   * call it at start-up to fail there rather than on the first request.
   */
  migrate(): Promise<void> {
    this.migration ??= migratePostgres(this.pool, this.schema, postgresMigrations).then(
      () => undefined,
      (error: unknown) => {
        // Let a later call try again, e.g. once the database is up.
        this.migration = undefined;
        throw error;
      },
    );
    return this.migration;
  }

  saveWorkflow(record: SaveWorkflowRecord): Promise<SavedWorkflow> {
    return this.workflows.save(record);
  }

  loadWorkflowVersion(workflowId: string, version: number): Promise<SavedWorkflow | null> {
    return this.workflows.loadVersion(workflowId, version);
  }

  listWorkflowVersions(
    workflowId: string,
    options: { limit?: number; offset?: number } = {},
  ): Promise<WorkflowVersionSummary[]> {
    return this.workflows.listVersions(workflowId, options);
  }

  loadWorkflow(workflowId: string): Promise<SavedWorkflow | null> {
    return this.workflows.load(workflowId);
  }

  listWorkflows(
    options: ListOptions = {},
  ): Promise<{ workflows: WorkflowSummary[]; total: number }> {
    return this.workflows.list(options);
  }

  deleteWorkflow(workflowId: string): Promise<boolean> {
    return this.workflows.delete(workflowId);
  }

  activateWorkflow(workflowId: string, version: number): Promise<WorkflowActivation> {
    return this.activations.activate(workflowId, version);
  }

  switchActiveVersion(workflowId: string, version: number): Promise<WorkflowActivation | null> {
    return this.activations.switchVersion(workflowId, version);
  }

  deactivateWorkflow(workflowId: string): Promise<boolean> {
    return this.activations.deactivate(workflowId);
  }

  getActivation(workflowId: string): Promise<WorkflowActivation | null> {
    return this.activations.get(workflowId);
  }

  listActivations(): Promise<WorkflowActivation[]> {
    return this.activations.list();
  }

  createInstance(instance: WorkflowInstance): Promise<WorkflowInstance> {
    return this.instances.create(instance);
  }

  getInstance(instanceId: string): Promise<WorkflowInstance | null> {
    return this.instances.get(instanceId);
  }

  listInstances(
    options: ListInstancesOptions = {},
  ): Promise<{ instances: WorkflowInstance[]; total: number }> {
    return this.history.listInstances(options);
  }

  listInstanceSummaries(options: ListInstanceSummariesOptions = {}): Promise<InstanceSummaryPage> {
    return this.history.listSummaries(options);
  }

  deleteInstance(
    instanceId: string,
    options: { statuses?: readonly InstanceStatus[] } = {},
  ): Promise<boolean> {
    return this.history.delete(instanceId, options.statuses);
  }

  pruneInstances(options: PruneInstancesOptions): Promise<number> {
    return this.history.prune(options);
  }

  listRunWorkflowIds(options: { after?: string; limit: number }): Promise<string[]> {
    return this.history.runWorkflowIds(options);
  }

  markWaiting(instanceId: string, wakeAt: string | null): Promise<WorkflowInstance> {
    return this.waits.markWaiting(instanceId, wakeAt);
  }

  listDueWaits(options: { now: string; limit: number }): Promise<DueWait[]> {
    return this.waits.listDue(options);
  }

  advanceWake(instanceId: string, wakeAt: string): Promise<boolean> {
    return this.waits.advanceWake(instanceId, wakeAt);
  }

  claimWaiting(instanceId: string): Promise<WorkflowInstance | null> {
    return this.waits.claimWaiting(instanceId);
  }

  countTreeRuns(rootInstanceId: string): Promise<number> {
    return this.trees.countTreeRuns(rootInstanceId);
  }

  acquireRunLease(instanceId: string, ownerId: string, ttlMs: number): Promise<RunLease | null> {
    return this.leases.acquire(instanceId, ownerId, ttlMs);
  }

  renewRunLeases(
    ownerId: string,
    instanceIds: readonly string[],
    ttlMs: number,
  ): Promise<string[]> {
    return this.leases.renew(ownerId, instanceIds, ttlMs);
  }

  releaseRunLease(instanceId: string, ownerId: string): Promise<void> {
    return this.leases.release(instanceId, ownerId);
  }

  claimOrphanedRuns(ownerId: string, ttlMs: number, limit: number): Promise<string[]> {
    return this.leases.claimOrphaned(ownerId, ttlMs, limit);
  }

  updateInstance(instanceId: string, patch: InstancePatch): Promise<WorkflowInstance> {
    return this.instances.update(instanceId, patch);
  }

  appendEvents(events: readonly ExecutionEvent[]): Promise<void> {
    return this.journal.appendEvents(events);
  }

  lastEventSeq(instanceId: string): Promise<number> {
    return this.journal.lastEventSeq(instanceId);
  }

  listEvents(
    instanceId: string,
    options: { afterSeq?: number; limit?: number } = {},
  ): Promise<ExecutionEvent[]> {
    return this.journal.listEvents(instanceId, options);
  }

  appendLogs(logs: readonly LogEntry[]): Promise<void> {
    return this.journal.appendLogs(logs);
  }

  trimLogs(instanceId: string, beforeSeq: number, keepSeq = 0): Promise<void> {
    return this.journal.trimLogs(instanceId, beforeSeq, keepSeq);
  }

  listLogs(
    instanceId: string,
    options: { since?: number; limit?: number } = {},
  ): Promise<LogEntry[]> {
    return this.journal.listLogs(instanceId, options);
  }

  createCredential(record: CreateCredentialRecord): Promise<StoredCredential> {
    return this.credentials.create(record);
  }

  getCredential(credentialId: string): Promise<StoredCredential | null> {
    return this.credentials.get(credentialId);
  }

  listCredentials(
    options: ListCredentialsOptions = {},
  ): Promise<{ credentials: CredentialSummary[]; total: number }> {
    return this.credentials.list(options);
  }

  updateCredential(credentialId: string, patch: CredentialPatch): Promise<StoredCredential> {
    return this.credentials.update(credentialId, patch);
  }

  deleteCredential(credentialId: string): Promise<boolean> {
    return this.credentials.delete(credentialId);
  }

  appendAudit(entry: AuditEntry): Promise<StoredAuditEntry> {
    return this.audit.append(entry);
  }

  pruneAudit(options: { before: string; limit: number }): Promise<number> {
    return this.audit.pruneBefore(options.before, options.limit);
  }

  listAudit(options?: ListAuditOptions): Promise<AuditPage> {
    return this.audit.list(options);
  }

  /** Waits for a migration under way, then ends the pool the store opened (not a host's pool). */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.migration?.catch(() => {});
    if (this.ownsPool) await this.pool.end();
  }
}
