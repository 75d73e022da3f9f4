import {
  createId,
  ErrorCode,
  type ExecutionEvent,
  FlowloomError,
  type InstancePatch,
  type ListInstancesOptions,
  type ListOptions,
  type LogEntry,
  type SavedWorkflow,
  type SaveWorkflowRecord,
  type WorkflowInstance,
  type WorkflowStore,
  type WorkflowSummary,
} from '@flowloom/core';
import Database from 'better-sqlite3';
import { constraintViolation } from './constraintViolation';
import { journalError, seqConflict } from './journalErrors';
import { migrateSqlite } from './migrateSqlite';
import { pageBounds } from './pageBounds';
import {
  prepareSqliteStatements,
  type SqliteInstanceRow,
  type SqliteStatements,
  type SqliteWorkflowRow,
} from './prepareSqliteStatements';
import {
  eventFromRow,
  instanceFromRow,
  logFromRow,
  summaryFromRow,
  workflowFromRow,
} from './recordsFromRows';
import { sqliteMigrations } from './sqliteMigrations';

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

  constructor(options: string | SqliteStoreOptions) {
    const {
      filename,
      busyTimeoutMs = 5000,
      synchronous = 'normal',
    } = typeof options === 'string' ? { filename: options } : options;
    this.db = new Database(filename, { timeout: busyTimeoutMs });
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
    } catch (error) {
      this.db.close();
      throw error;
    }
  }

  async saveWorkflow(record: SaveWorkflowRecord): Promise<SavedWorkflow> {
    const now = new Date().toISOString();
    const data = JSON.stringify(record.workflow_data);
    if (record.workflow_id !== undefined) {
      const row = this.statements.updateWorkflow.get(record.name, data, now, record.workflow_id);
      if (!row) {
        throw new FlowloomError(
          ErrorCode.NOT_FOUND,
          `Workflow "${record.workflow_id}" does not exist`,
        );
      }
      return workflowFromSqlite(row);
    }
    const row = this.statements.insertWorkflow.get(
      createId('wf'),
      record.name,
      1,
      data,
      record.created_by ?? null,
      now,
      now,
    );
    return workflowFromSqlite(row!);
  }

  async loadWorkflow(workflowId: string): Promise<SavedWorkflow | null> {
    const row = this.statements.selectWorkflow.get(workflowId);
    return row ? workflowFromSqlite(row) : null;
  }

  async listWorkflows(
    options: ListOptions = {},
  ): Promise<{ workflows: WorkflowSummary[]; total: number }> {
    const { limit, offset } = pageBounds(options);
    const byOwner = options.created_by !== undefined;
    const { page, count } = byOwner
      ? this.statements.listWorkflows.byOwner
      : this.statements.listWorkflows.all;
    const filters = byOwner ? [options.created_by] : [];
    // One read transaction, so the page and the total come from the same snapshot.
    return this.db.transaction(() => ({
      workflows: page.all(...filters, limit, offset).map(summaryFromRow),
      total: count.get(...filters)!.total,
    }))();
  }

  async deleteWorkflow(workflowId: string): Promise<boolean> {
    return this.statements.deleteWorkflow.run(workflowId).changes > 0;
  }

  async createInstance(instance: WorkflowInstance): Promise<WorkflowInstance> {
    try {
      const row = this.statements.insertInstance.get(
        instance.instance_id,
        instance.workflow_id,
        instance.name,
        instance.status,
        JSON.stringify(instance.workflow_data),
        nullableJson(instance.input_data),
        instance.created_by,
        instance.created_at,
        instance.updated_at,
        instance.started_at,
        instance.finished_at,
        nullableJson(instance.error),
      );
      return instanceFromSqlite(row!);
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
    const row = this.statements.selectInstance.get(instanceId);
    return row ? instanceFromSqlite(row) : null;
  }

  async listInstances(
    options: ListInstancesOptions = {},
  ): Promise<{ instances: WorkflowInstance[]; total: number }> {
    const { limit, offset } = pageBounds(options);
    const byOwner = options.created_by !== undefined;
    const byStatus = options.status !== undefined;
    const lists = this.statements.listInstances;
    const { page, count } = byOwner
      ? byStatus
        ? lists.byOwnerAndStatus
        : lists.byOwner
      : byStatus
        ? lists.byStatus
        : lists.all;
    const filters = [
      ...(byOwner ? [options.created_by] : []),
      ...(byStatus ? [options.status] : []),
    ];
    return this.db.transaction(() => ({
      instances: page.all(...filters, limit, offset).map(instanceFromSqlite),
      total: count.get(...filters)!.total,
    }))();
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
    });
    if (!row)
      throw new FlowloomError(ErrorCode.NOT_FOUND, `Instance "${instanceId}" does not exist`);
    return instanceFromSqlite(row);
  }

  async appendEvents(events: readonly ExecutionEvent[]): Promise<void> {
    if (events.length === 0) return;
    const { insertEvent, lastEventSeq } = this.statements;
    // One transaction per batch: a refused event rolls back the events before it.
    const append = this.db.transaction(() => {
      const lastSeqs = new Map<string, number>();
      for (const event of events) {
        const lastSeq = lastSeqs.get(event.instance_id) ?? lastEventSeq.get(event.instance_id)!.seq;
        if (event.seq <= lastSeq) throw seqConflict(event);
        insertEvent.run(
          event.instance_id,
          event.seq,
          event.event_type,
          event.step_id ?? null,
          event.timestamp,
          JSON.stringify(event.data),
        );
        lastSeqs.set(event.instance_id, event.seq);
      }
    });
    try {
      append.immediate();
    } catch (error) {
      throw journalError(error, events);
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

  async appendLogs(logs: readonly LogEntry[]): Promise<void> {
    if (logs.length === 0) return;
    const { insertLog } = this.statements;
    const append = this.db.transaction(() => {
      for (const entry of logs) {
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
      append.immediate();
    } catch (error) {
      throw journalError(error, logs);
    }
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

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}

function workflowFromSqlite(row: SqliteWorkflowRow): SavedWorkflow {
  return workflowFromRow({ ...row, workflow_data: JSON.parse(row.workflow_data!) });
}

function instanceFromSqlite(row: SqliteInstanceRow): WorkflowInstance {
  return instanceFromRow({
    ...row,
    workflow_data: JSON.parse(row.workflow_data!),
    input_data: parseNullableJson(row.input_data),
    error: parseNullableJson(row.error),
  });
}

function nullableJson(value: unknown): string | null {
  return value === null || value === undefined ? null : JSON.stringify(value);
}

function parseNullableJson(text: string | null): unknown {
  return text === null ? null : JSON.parse(text);
}

function isSet(value: unknown): 0 | 1 {
  return value === undefined ? 0 : 1;
}

/** better-sqlite3 reads `LIMIT -1` as no limit. */
function sqliteLimit(limit: number | undefined): number {
  return limit === undefined ? -1 : pageBounds({ limit }).limit;
}
