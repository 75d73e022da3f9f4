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
import type Database from 'better-sqlite3';
import { requireOptionalPeer } from '../peers/requireOptionalPeer';
import { createSqliteLister, type SqliteLister } from './createSqliteLister';
import { migrateSqlite } from './migrateSqlite';
import { pageBounds } from './pageBounds';
import {
  prepareSqliteStatements,
  SQLITE_INSTANCE_COLUMNS,
  type SqliteInstanceRow,
  type SqliteStatements,
} from './prepareSqliteStatements';
import { SqliteActivations } from './SqliteActivations';
import { SqliteAuditLog } from './SqliteAuditLog';
import { SqliteCredentials } from './SqliteCredentials';
import { SqliteInstances } from './SqliteInstances';
import { SqliteJournal } from './SqliteJournal';
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
  private readonly credentials: SqliteCredentials;
  private readonly journal: SqliteJournal;
  private readonly instances: SqliteInstances;

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
      this.credentials = new SqliteCredentials(this.statements, this.list);
      this.journal = new SqliteJournal(this.db, this.statements);
      this.instances = new SqliteInstances(this.statements);
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
    return this.instances.create(instance);
  }

  async getInstance(instanceId: string): Promise<WorkflowInstance | null> {
    return this.instances.get(instanceId);
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

  async updateInstance(instanceId: string, patch: InstancePatch): Promise<WorkflowInstance> {
    return this.instances.update(instanceId, patch);
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

  /** Inserts a batch of events in one transaction; made once, on the first append. */
  /**
   * Synchronous, in one transaction per batch (a refused event rolls back the events before
   * it): returns `STORED` once committed, so the engine goes on in the same turn, or a rejected
   * promise.
   */
  appendEvents(events: readonly ExecutionEvent[]): Promise<void> {
    return this.journal.appendEvents(events);
  }

  async lastEventSeq(instanceId: string): Promise<number> {
    return this.journal.lastEventSeq(instanceId);
  }

  async listEvents(
    instanceId: string,
    options: { afterSeq?: number; limit?: number } = {},
  ): Promise<ExecutionEvent[]> {
    return this.journal.listEvents(instanceId, options);
  }

  /** Synchronous, in one transaction: returns `STORED` once committed, or a rejected promise. */
  appendLogs(logs: readonly LogEntry[]): Promise<void> {
    return this.journal.appendLogs(logs);
  }

  async trimLogs(instanceId: string, beforeSeq: number, keepSeq = 0): Promise<void> {
    this.journal.trimLogs(instanceId, beforeSeq, keepSeq);
  }

  async listLogs(
    instanceId: string,
    options: { since?: number; limit?: number } = {},
  ): Promise<LogEntry[]> {
    return this.journal.listLogs(instanceId, options);
  }

  async createCredential(record: CreateCredentialRecord): Promise<StoredCredential> {
    return this.credentials.create(record);
  }

  async getCredential(credentialId: string): Promise<StoredCredential | null> {
    return this.credentials.get(credentialId);
  }

  async listCredentials(
    options: ListCredentialsOptions = {},
  ): Promise<{ credentials: CredentialSummary[]; total: number }> {
    return this.credentials.list(options);
  }

  async updateCredential(credentialId: string, patch: CredentialPatch): Promise<StoredCredential> {
    return this.credentials.update(credentialId, patch);
  }

  async deleteCredential(credentialId: string): Promise<boolean> {
    return this.credentials.delete(credentialId);
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
