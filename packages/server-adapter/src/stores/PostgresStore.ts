import {
  type AuditEntry,
  type AuditPage,
  type CreateCredentialRecord,
  type CredentialPatch,
  type CredentialSummary,
  type DueWait,
  ErrorCode,
  type ExecutionEvent,
  FlowloomError,
  type InstancePatch,
  type InstanceStatus,
  type InstanceSummaryPage,
  type ListAuditOptions,
  type ListCredentialsOptions,
  type ListInstanceSummariesOptions,
  type ListInstancesOptions,
  type ListOptions,
  type LogEntry,
  type PruneInstancesOptions,
  type RunLease,
  type SavedWorkflow,
  type SaveWorkflowRecord,
  type StoredAuditEntry,
  type StoredCredential,
  type WorkflowActivation,
  type WorkflowInstance,
  type WorkflowStore,
  type WorkflowSummary,
  type WorkflowVersionSummary,
} from '@flowloom/core';
import type { Pool } from 'pg';
import { requireOptionalPeer } from '../peers/requireOptionalPeer';
import { constraintViolation } from './constraintViolation';
import { journalError, seqConflict } from './journalErrors';
import { migratePostgres } from './migratePostgres';
import { PostgresActivations } from './PostgresActivations';
import { PostgresAuditLog } from './PostgresAuditLog';
import { PostgresCredentials } from './PostgresCredentials';
import { PostgresLeases } from './PostgresLeases';
import type { PostgresPool } from './PostgresPool';
import { PostgresRunHistory } from './PostgresRunHistory';
import { PostgresRunTrees } from './PostgresRunTrees';
import { PostgresWaits } from './PostgresWaits';
import { PostgresWorkflows } from './PostgresWorkflows';
import { pageBounds } from './pageBounds';
import { postgresMigrations } from './postgresMigrations';
import { type PostgresQueries, postgresQueries } from './postgresQueries';
import {
  eventFromPostgres,
  instanceFromPostgres,
  logFromPostgres,
  type PgEventRow,
  type PgInstanceRow,
  type PgLogRow,
} from './postgresRows';
import { toPostgresText as text, toPostgresJson } from './postgresText';

/** Options of {@link PostgresStore}: a connection string or a pool, and a schema. */
export type PostgresStoreOptions = {
  /**
   * The PostgreSQL schema holding the store's tables; created when missing. Letters, digits
   * and `_`, starting with a letter or `_`, at most 63 characters.
   * @default 'public'
   * @remarks Tables keep the seed's names (`workflows`, `workflow_instances`, ...); in a
   * database whose schema already has tables of these names, give Flowloom a schema of its own.
   */
  schema?: string;
} & (
  | {
      /** A PostgreSQL URL, e.g. `process.env.DATABASE_URL`; the store opens and ends its own pool. */
      connectionString: string;
      pool?: undefined;
    }
  | {
      /** A pool the host owns and ends; `close()` leaves it open. */
      pool: PostgresPool;
      connectionString?: undefined;
    }
);

const SCHEMA_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

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
    this.schema = options.schema ?? 'public';
    if (!SCHEMA_NAME.test(this.schema)) {
      throw new FlowloomError(ErrorCode.VALIDATION_FAILED, 'Invalid PostgreSQL schema name', {
        issues: [
          {
            path: 'schema',
            message:
              'Use letters, digits and "_", starting with a letter or "_", at most 63 characters',
          },
        ],
      });
    }
    this.sql = postgresQueries(this.schema);
    if (options.pool) {
      // The host's pool is a `pg` Pool; the option is typed by what the store calls on it.
      this.pool = options.pool as Pool;
      this.ownsPool = false;
    } else {
      // Loaded here, not imported: pg is an optional peer only PostgreSQL hosts install.
      const pg = requireOptionalPeer<typeof import('pg')>('pg', 'PostgresStore');
      this.pool = new pg.Pool({ connectionString: options.connectionString });
      this.ownsPool = true;
      // An idle connection the server drops is discarded by the pool; without a listener the
      // 'error' event would crash the process.
      this.pool.on('error', () => {});
    }
    const migrate = () => this.migrate();
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

  async createInstance(instance: WorkflowInstance): Promise<WorkflowInstance> {
    await this.migrate();
    try {
      const { rows } = await this.pool.query<PgInstanceRow>(this.sql.insertInstance, [
        text(instance.instance_id),
        text(instance.workflow_id),
        text(instance.name),
        instance.status,
        toPostgresJson(instance.workflow_data),
        nullableJson(instance.input_data),
        text(instance.created_by),
        text(instance.tenant_id ?? null),
        instance.created_at,
        instance.updated_at,
        text(instance.started_at),
        text(instance.finished_at),
        nullableJson(instance.error),
        instance.workflow_version ?? null,
        text(instance.trigger?.type ?? null),
        text(instance.trigger?.step_id ?? null),
        text(instance.parent_instance_id ?? null),
        text(instance.parent_step_id ?? null),
        nullableJson(instance.progress),
        text(instance.root_instance_id ?? instance.instance_id),
      ]);
      return instanceFromPostgres(rows[0]!);
    } catch (error) {
      if (constraintViolation(error) === 'unique') {
        throw new FlowloomError(
          ErrorCode.CONFLICT,
          `Instance "${instance.instance_id}" already exists`,
          { cause: error },
        );
      }
      throw error;
    }
  }

  async getInstance(instanceId: string): Promise<WorkflowInstance | null> {
    await this.migrate();
    const { rows } = await this.pool.query<PgInstanceRow>(this.sql.selectInstance, [
      text(instanceId),
    ]);
    return rows[0] ? instanceFromPostgres(rows[0]) : null;
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

  async updateInstance(instanceId: string, patch: InstancePatch): Promise<WorkflowInstance> {
    await this.migrate();
    // A field the patch leaves out (or sets to undefined) keeps its value.
    const { rows } = await this.pool.query<PgInstanceRow>(this.sql.updateInstance, [
      text(instanceId),
      new Date().toISOString(),
      patch.status !== undefined,
      patch.status ?? null,
      patch.name !== undefined,
      text(patch.name ?? null),
      patch.input_data !== undefined,
      nullableJson(patch.input_data),
      patch.started_at !== undefined,
      text(patch.started_at ?? null),
      patch.finished_at !== undefined,
      text(patch.finished_at ?? null),
      patch.error !== undefined,
      nullableJson(patch.error),
      patch.progress !== undefined,
      nullableJson(patch.progress),
    ]);
    if (!rows[0]) {
      throw new FlowloomError(ErrorCode.NOT_FOUND, `Instance "${instanceId}" does not exist`);
    }
    return instanceFromPostgres(rows[0]);
  }

  async appendEvents(events: readonly ExecutionEvent[]): Promise<void> {
    if (events.length === 0) return;
    await this.migrate();
    try {
      const instanceIds = [...new Set(events.map((event) => event.instance_id))];
      const { rows } = await this.pool.query<{ instance_id: string; seq: number }>(
        this.sql.lastEventSeqs,
        [instanceIds.map((id) => text(id))],
      );
      const lastSeqs = new Map(rows.map((row) => [row.instance_id, row.seq]));
      for (const event of events) {
        if (event.seq <= (lastSeqs.get(text(event.instance_id)) ?? 0)) throw seqConflict(event);
        lastSeqs.set(text(event.instance_id), event.seq);
      }
      // One INSERT for the batch: a statement is its own transaction, so a refused row (a seq
      // another writer stored meanwhile, an unknown instance) stores none of the batch. The
      // batch is escaped as a whole: its strings reach the text columns escaped as text.
      await this.pool.query(this.sql.insertEvents, [
        toPostgresJson(
          events.map((event) => ({
            instance_id: event.instance_id,
            seq: event.seq,
            event_type: event.event_type,
            step_id: event.step_id ?? null,
            timestamp: event.timestamp,
            data: event.data,
          })),
        ),
      ]);
    } catch (error) {
      throw journalError(error, events);
    }
  }

  async lastEventSeq(instanceId: string): Promise<number> {
    await this.migrate();
    const { rows } = await this.pool.query<{ seq: number }>(this.sql.lastEventSeq, [
      text(instanceId),
    ]);
    return rows[0]!.seq;
  }

  async listEvents(
    instanceId: string,
    options: { afterSeq?: number; limit?: number } = {},
  ): Promise<ExecutionEvent[]> {
    await this.migrate();
    const { rows } = await this.pool.query<PgEventRow>(this.sql.listEvents, [
      text(instanceId),
      options.afterSeq ?? 0,
      postgresLimit(options.limit),
    ]);
    return rows.map(eventFromPostgres);
  }

  async appendLogs(logs: readonly LogEntry[]): Promise<void> {
    if (logs.length === 0) return;
    await this.migrate();
    try {
      await this.pool.query(this.sql.insertLogs, [
        toPostgresJson(
          logs.map((entry) => ({
            instance_id: entry.instance_id,
            seq: entry.seq,
            step_id: entry.step_id,
            level: entry.level,
            message: entry.message,
            has_data: entry.data !== undefined,
            data: entry.data ?? null,
            timestamp: entry.timestamp,
          })),
        ),
      ]);
    } catch (error) {
      throw journalError(error, logs);
    }
  }

  async trimLogs(instanceId: string, beforeSeq: number, keepSeq = 0): Promise<void> {
    await this.migrate();
    await this.pool.query(this.sql.trimLogs, [text(instanceId), beforeSeq, keepSeq]);
  }

  async listLogs(
    instanceId: string,
    options: { since?: number; limit?: number } = {},
  ): Promise<LogEntry[]> {
    await this.migrate();
    const { rows } = await this.pool.query<PgLogRow>(this.sql.listLogs, [
      text(instanceId),
      options.since ?? 0,
      postgresLimit(options.limit),
    ]);
    return rows.map(logFromPostgres);
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

function nullableJson(value: unknown): string | null {
  return value === null || value === undefined ? null : toPostgresJson(value);
}

/** `LIMIT NULL` is no limit. */
function postgresLimit(limit: number | undefined): number | null {
  return limit === undefined ? null : pageBounds({ limit }).limit;
}
