import {
  type AuditEntry,
  type AuditPage,
  type CreateCredentialRecord,
  type CredentialPatch,
  type CredentialSummary,
  createId,
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
  STORED,
  type StoredAuditEntry,
  type StoredCredential,
  type WorkflowActivation,
  type WorkflowInstance,
  type WorkflowStore,
  type WorkflowSummary,
  type WorkflowVersionSummary,
} from '@flowloom/core';
import type Database from 'better-sqlite3';
import { requireOptionalPeer } from '../peers/requireOptionalPeer';
import { constraintViolation } from './constraintViolation';
import { createSqliteLister, type SqliteLister } from './createSqliteLister';
import { instanceInsertError } from './instanceInsertError';
import { journalError, seqConflict } from './journalErrors';
import { migrateSqlite } from './migrateSqlite';
import { pageBounds } from './pageBounds';
import {
  prepareSqliteStatements,
  SQLITE_CREDENTIAL_SUMMARY_COLUMNS,
  SQLITE_INSTANCE_COLUMNS,
  type SqliteInstanceRow,
  type SqliteStatements,
} from './prepareSqliteStatements';
import {
  type CredentialSummaryRow,
  credentialFromRow,
  credentialSummaryFromRow,
  eventFromRow,
  logFromRow,
} from './recordsFromRows';
import { SqliteActivations } from './SqliteActivations';
import { SqliteAuditLog } from './SqliteAuditLog';
import { SqliteLeases } from './SqliteLeases';
import { SqliteRunHistory } from './SqliteRunHistory';
import { SqliteRunTrees } from './SqliteRunTrees';
import { SqliteWaits } from './SqliteWaits';
import { SqliteWorkflows } from './SqliteWorkflows';
import { sqliteMigrations } from './sqliteMigrations';
import { instanceFromSqlite } from './sqliteRows';

/** Options of {@link SqliteStore}. */
export interface SqliteStoreOptions {
  /** Path of the database file (created when missing), or `':memory:'` for a private database. */
  filename: string;
  /**
   * How long a write waits for another connection's lock before failing, in milliseconds.
   * @default 5000
   */
  busyTimeoutMs?: number;
  /**
   * When a commit waits for the disk. `'normal'`: a crash of the process loses nothing, a power
   * cut may lose the last commits (never corrupts). `'full'`: every commit survives a power cut,
   * at the cost of a disk sync each.
   * @default 'normal'
   */
  synchronous?: 'normal' | 'full';
}

/**
 * A {@link WorkflowStore} in a SQLite database through better-sqlite3: the server's default
 * store, durable in one file with nothing else to run.
 *
 * @remarks Files use WAL mode (readers never wait for the writer), foreign keys are enforced and
 * the schema is migrated when the store opens. better-sqlite3 is synchronous, so each call runs
 * to completion (blocking the event loop meanwhile) before it resolves: an event append is
 * committed before its promise settles. Several stores and processes may share a file.
 *
 * @example
 * const store = new SqliteStore('./flowloom.db');
 * const engine = new ExecutionEngine({ store });
 */
export class SqliteStore implements WorkflowStore {
  private readonly db: Database.Database;
  private readonly statements: SqliteStatements;
  private readonly list: SqliteLister;
  private readonly workflows: SqliteWorkflows;
  private readonly history: SqliteRunHistory;
  private readonly activations: SqliteActivations;
  private readonly waits: SqliteWaits;
  private readonly trees: SqliteRunTrees;
  private readonly audit: SqliteAuditLog;
  private readonly leases: SqliteLeases;

  constructor(options: string | SqliteStoreOptions) {
    const {
      filename,
      busyTimeoutMs = 5000,
      synchronous = 'normal',
    } = typeof options === 'string' ? { filename: options } : options;
    // Loaded here, not imported: better-sqlite3 is an optional peer only SQLite hosts install.
    const BetterSqlite3 = requireOptionalPeer<typeof Database>('better-sqlite3', 'SqliteStore');
    this.db = new BetterSqlite3(filename, { timeout: busyTimeoutMs });
    try {
      if (!this.db.memory) {
        this.db.pragma('journal_mode = WAL');
        // With WAL, NORMAL never corrupts the database and loses nothing when the process
        // crashes; FULL also survives a power cut but waits for a disk sync on every commit.
        this.db.pragma(`synchronous = ${synchronous === 'full' ? 'FULL' : 'NORMAL'}`);
      }
      this.db.pragma('foreign_keys = ON');
      migrateSqlite(this.db, sqliteMigrations);
      this.statements = prepareSqliteStatements(this.db);
      this.list = createSqliteLister(this.db);
      this.workflows = new SqliteWorkflows(this.db, this.statements, this.list);
      this.history = new SqliteRunHistory(this.db);
      this.activations = new SqliteActivations(this.db);
      this.waits = new SqliteWaits(this.db);
      this.trees = new SqliteRunTrees(this.db);
      this.audit = new SqliteAuditLog(this.db);
      this.leases = new SqliteLeases(this.db);
    } catch (error) {
      this.db.close();
      throw error;
    }
  }

  async saveWorkflow(record: SaveWorkflowRecord): Promise<SavedWorkflow> {
    return this.workflows.save(record);
  }

  async loadWorkflow(workflowId: string): Promise<SavedWorkflow | null> {
    return this.workflows.load(workflowId);
  }

  async loadWorkflowVersion(workflowId: string, version: number): Promise<SavedWorkflow | null> {
    return this.workflows.loadVersion(workflowId, version);
  }

  async listWorkflowVersions(
    workflowId: string,
    options: { limit?: number; offset?: number } = {},
  ): Promise<WorkflowVersionSummary[]> {
    return this.workflows.listVersions(workflowId, options);
  }

  async listWorkflows(
    options: ListOptions = {},
  ): Promise<{ workflows: WorkflowSummary[]; total: number }> {
    return this.workflows.listSummaries(options);
  }

  async deleteWorkflow(workflowId: string): Promise<boolean> {
    return this.workflows.delete(workflowId);
  }

  async activateWorkflow(workflowId: string, version: number): Promise<WorkflowActivation> {
    return this.activations.activate(workflowId, version);
  }

  async switchActiveVersion(
    workflowId: string,
    version: number,
  ): Promise<WorkflowActivation | null> {
    return this.activations.switchVersion(workflowId, version);
  }

  async deactivateWorkflow(workflowId: string): Promise<boolean> {
    return this.activations.deactivate(workflowId);
  }

  async getActivation(workflowId: string): Promise<WorkflowActivation | null> {
    return this.activations.get(workflowId);
  }

  async listActivations(): Promise<WorkflowActivation[]> {
    return this.activations.list();
  }

  async createInstance(instance: WorkflowInstance): Promise<WorkflowInstance> {
    try {
      const row = this.statements.insertInstance.get({
        instance_id: instance.instance_id,
        workflow_id: instance.workflow_id,
        name: instance.name,
        status: instance.status,
        workflow_data: JSON.stringify(instance.workflow_data),
        input_data: nullableJson(instance.input_data),
        created_by: instance.created_by,
        tenant_id: instance.tenant_id ?? null,
        created_at: instance.created_at,
        updated_at: instance.updated_at,
        started_at: instance.started_at,
        finished_at: instance.finished_at,
        error: nullableJson(instance.error),
        workflow_version: instance.workflow_version ?? null,
        trigger_type: instance.trigger?.type ?? null,
        trigger_step_id: instance.trigger?.step_id ?? null,
        parent_instance_id: instance.parent_instance_id ?? null,
        parent_step_id: instance.parent_step_id ?? null,
        progress: nullableJson(instance.progress),
        root_instance_id: instance.root_instance_id ?? instance.instance_id,
      });
      return instanceFromSqlite(row!);
    } catch (error) {
      throw instanceInsertError(error, instance.instance_id);
    }
  }

  async getInstance(instanceId: string): Promise<WorkflowInstance | null> {
    const row = this.statements.selectInstance.get(instanceId);
    return row ? instanceFromSqlite(row) : null;
  }

  async listInstances(
    options: ListInstancesOptions = {},
  ): Promise<{ instances: WorkflowInstance[]; total: number }> {
    const { rows, total } = this.list<SqliteInstanceRow>(
      { table: 'workflow_instances', columns: SQLITE_INSTANCE_COLUMNS, orderColumn: 'created_at' },
      options,
      pageBounds(options),
    );
    return { instances: rows.map(instanceFromSqlite), total };
  }

  async listInstanceSummaries(
    options: ListInstanceSummariesOptions = {},
  ): Promise<InstanceSummaryPage> {
    return this.history.listSummaries(options);
  }

  async deleteInstance(
    instanceId: string,
    options: { statuses?: readonly InstanceStatus[] } = {},
  ): Promise<boolean> {
    return this.history.delete(instanceId, options.statuses);
  }

  async pruneInstances(options: PruneInstancesOptions): Promise<number> {
    return this.history.prune(options);
  }

  async listRunWorkflowIds(options: { after?: string; limit: number }): Promise<string[]> {
    return this.history.runWorkflowIds(options);
  }

  async markWaiting(instanceId: string, wakeAt: string | null): Promise<WorkflowInstance> {
    return this.waits.markWaiting(instanceId, wakeAt);
  }

  async listDueWaits(options: { now: string; limit: number }): Promise<DueWait[]> {
    return this.waits.listDue(options);
  }

  async advanceWake(instanceId: string, wakeAt: string): Promise<boolean> {
    return this.waits.advanceWake(instanceId, wakeAt);
  }

  async claimWaiting(instanceId: string): Promise<WorkflowInstance | null> {
    return this.waits.claimWaiting(instanceId);
  }

  async countTreeRuns(rootInstanceId: string): Promise<number> {
    return this.trees.countTreeRuns(rootInstanceId);
  }

  async acquireRunLease(
    instanceId: string,
    ownerId: string,
    ttlMs: number,
  ): Promise<RunLease | null> {
    return this.leases.acquire(instanceId, ownerId, ttlMs);
  }

  async renewRunLeases(
    ownerId: string,
    instanceIds: readonly string[],
    ttlMs: number,
  ): Promise<string[]> {
    return this.leases.renew(ownerId, instanceIds, ttlMs);
  }

  async releaseRunLease(instanceId: string, ownerId: string): Promise<void> {
    this.leases.release(instanceId, ownerId);
  }

  async claimOrphanedRuns(ownerId: string, ttlMs: number, limit: number): Promise<string[]> {
    return this.leases.claimOrphaned(ownerId, ttlMs, limit);
  }

  async updateInstance(instanceId: string, patch: InstancePatch): Promise<WorkflowInstance> {
    // A field the patch leaves out (or sets to undefined) keeps its value.
    const row = this.statements.updateInstance.get({
      instance_id: instanceId,
      updated_at: new Date().toISOString(),
      set_status: isSet(patch.status),
      status: patch.status ?? null,
      set_name: isSet(patch.name),
      name: patch.name ?? null,
      set_input_data: isSet(patch.input_data),
      input_data: nullableJson(patch.input_data),
      set_started_at: isSet(patch.started_at),
      started_at: patch.started_at ?? null,
      set_finished_at: isSet(patch.finished_at),
      finished_at: patch.finished_at ?? null,
      set_error: isSet(patch.error),
      error: nullableJson(patch.error),
      set_progress: isSet(patch.progress),
      progress: nullableJson(patch.progress),
    });
    if (!row)
      throw new FlowloomError(ErrorCode.NOT_FOUND, `Instance "${instanceId}" does not exist`);
    return instanceFromSqlite(row);
  }

  /** Inserts a batch of events in one transaction; made once, on the first append. */
  private appendEventsTransaction:
    | Database.Transaction<(events: readonly ExecutionEvent[]) => void>
    | undefined;

  /**
   * Synchronous, in one transaction per batch (a refused event rolls back the events before
   * it): returns `STORED` once committed, so the engine goes on in the same turn, or a rejected
   * promise.
   */
  appendEvents(events: readonly ExecutionEvent[]): Promise<void> {
    if (events.length === 0) return STORED;
    this.appendEventsTransaction ??= this.db.transaction((batch: readonly ExecutionEvent[]) => {
      const { insertEvent, lastEventSeq } = this.statements;
      let instanceId = '';
      let lastSeq = 0;
      for (const event of batch) {
        if (event.instance_id !== instanceId) {
          instanceId = event.instance_id;
          lastSeq = lastEventSeq.get(instanceId)!.seq;
        }
        if (event.seq <= lastSeq) throw seqConflict(event);
        insertEvent.run(
          event.instance_id,
          event.seq,
          event.event_type,
          event.step_id ?? null,
          event.timestamp,
          JSON.stringify(event.data),
        );
        lastSeq = event.seq;
      }
    });
    try {
      this.appendEventsTransaction.immediate(events);
      return STORED;
    } catch (error) {
      return Promise.reject(journalError(error, events));
    }
  }

  async lastEventSeq(instanceId: string): Promise<number> {
    return this.statements.lastEventSeq.get(instanceId)!.seq;
  }

  async listEvents(
    instanceId: string,
    options: { afterSeq?: number; limit?: number } = {},
  ): Promise<ExecutionEvent[]> {
    return this.statements.listEvents
      .all(instanceId, options.afterSeq ?? 0, sqliteLimit(options.limit))
      .map((row) => eventFromRow({ ...row, data: JSON.parse(row.data!) }));
  }

  private appendLogsTransaction:
    | Database.Transaction<(logs: readonly LogEntry[]) => void>
    | undefined;

  /** Synchronous, in one transaction: returns `STORED` once committed, or a rejected promise. */
  appendLogs(logs: readonly LogEntry[]): Promise<void> {
    if (logs.length === 0) return STORED;
    this.appendLogsTransaction ??= this.db.transaction((batch: readonly LogEntry[]) => {
      const { insertLog } = this.statements;
      for (const entry of batch) {
        insertLog.run(
          entry.instance_id,
          entry.seq,
          entry.step_id,
          entry.level,
          entry.message,
          // NULL means "no data"; a `null` value is stored as the JSON text `null`.
          entry.data === undefined ? null : JSON.stringify(entry.data),
          entry.timestamp,
        );
      }
    });
    try {
      this.appendLogsTransaction.immediate(logs);
      return STORED;
    } catch (error) {
      return Promise.reject(journalError(error, logs));
    }
  }

  async trimLogs(instanceId: string, beforeSeq: number, keepSeq = 0): Promise<void> {
    this.statements.trimLogs.run(instanceId, beforeSeq, keepSeq);
  }

  async listLogs(
    instanceId: string,
    options: { since?: number; limit?: number } = {},
  ): Promise<LogEntry[]> {
    return this.statements.listLogs
      .all(instanceId, options.since ?? 0, sqliteLimit(options.limit))
      .map((row) =>
        logFromRow({ ...row, data: row.data === null ? undefined : JSON.parse(row.data) }),
      );
  }

  async createCredential(record: CreateCredentialRecord): Promise<StoredCredential> {
    const credentialId = record.credential_id ?? createId('cred');
    const now = new Date().toISOString();
    try {
      const row = this.statements.insertCredential.get(
        credentialId,
        record.name,
        record.type,
        record.ciphertext,
        record.created_by ?? null,
        record.tenant_id ?? null,
        now,
        now,
      );
      return credentialFromRow(row!);
    } catch (error) {
      if (constraintViolation(error) === 'unique') {
        throw new FlowloomError(ErrorCode.CONFLICT, `Credential "${credentialId}" already exists`, {
          cause: error,
        });
      }
      throw error;
    }
  }

  async getCredential(credentialId: string): Promise<StoredCredential | null> {
    const row = this.statements.selectCredential.get(credentialId);
    return row ? credentialFromRow(row) : null;
  }

  async listCredentials(
    options: ListCredentialsOptions = {},
  ): Promise<{ credentials: CredentialSummary[]; total: number }> {
    const { rows, total } = this.list<CredentialSummaryRow>(
      {
        table: 'credentials',
        columns: SQLITE_CREDENTIAL_SUMMARY_COLUMNS,
        orderColumn: 'created_at',
      },
      options,
      pageBounds(options),
    );
    return { credentials: rows.map(credentialSummaryFromRow), total };
  }

  async updateCredential(credentialId: string, patch: CredentialPatch): Promise<StoredCredential> {
    const row = this.statements.updateCredential.get(
      patch.name ?? null,
      patch.ciphertext ?? null,
      new Date().toISOString(),
      credentialId,
    );
    if (!row) {
      throw new FlowloomError(ErrorCode.NOT_FOUND, `Credential "${credentialId}" does not exist`);
    }
    return credentialFromRow(row);
  }

  async deleteCredential(credentialId: string): Promise<boolean> {
    return this.statements.deleteCredential.run(credentialId).changes > 0;
  }

  async appendAudit(entry: AuditEntry): Promise<StoredAuditEntry> {
    return this.audit.append(entry);
  }

  async pruneAudit(options: { before: string; limit: number }): Promise<number> {
    return this.audit.pruneBefore(options.before, options.limit);
  }

  async listAudit(options?: ListAuditOptions): Promise<AuditPage> {
    return this.audit.list(options);
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}

function nullableJson(value: unknown): string | null {
  return value === null || value === undefined ? null : JSON.stringify(value);
}

function isSet(value: unknown): 0 | 1 {
  return value === undefined ? 0 : 1;
}

/** better-sqlite3 reads `LIMIT -1` as no limit. */
function sqliteLimit(limit: number | undefined): number {
  return limit === undefined ? -1 : pageBounds({ limit }).limit;
}
