import {
  createId,
  ErrorCode,
  FlowloomError,
  type ListOptions,
  type SavedWorkflow,
  type SaveWorkflowRecord,
  VersionConflictError,
  type WorkflowSummary,
  type WorkflowVersionSummary,
} from '@flowloom/core';
import type { Pool } from 'pg';
import { pageBounds } from './pageBounds';
import type { PostgresQueries } from './postgresQueries';
import {
  type PgWorkflowRow,
  summaryFromPostgres,
  versionFromPostgres,
  workflowFromPostgres,
} from './postgresRows';
import { toPostgresText as text, toPostgresJson } from './postgresText';
import { readPostgresList } from './readPostgresList';
import type { WorkflowSummaryRow, WorkflowVersionRow } from './recordsFromRows';

/**
 * The saved-workflow methods of a `PostgresStore`, apart so the store stays readable: each save
 * updates the workflow and keeps its version in one statement. Each waits for the store's
 * migration first.
 */
export class PostgresWorkflows {
  constructor(
    private readonly pool: Pool,
    private readonly sql: PostgresQueries,
    private readonly migrate: () => Promise<void>,
  ) {}

  async save(record: SaveWorkflowRecord): Promise<SavedWorkflow> {
    await this.migrate();
    const now = new Date().toISOString();
    const data = toPostgresJson(record.workflow_data);
    const updatedBy = text(record.updated_by ?? null);
    const valid = record.valid ?? null;
    if (record.workflow_id === undefined) {
      const { rows } = await this.pool.query<PgWorkflowRow>(this.sql.insertWorkflow, [
        createId('wf'),
        text(record.name),
        data,
        text(record.created_by ?? null),
        text(record.tenant_id ?? null),
        now,
        updatedBy,
        valid,
      ]);
      return workflowFromPostgres(rows[0]!);
    }
    const { rows } = await this.pool.query<PgWorkflowRow>(this.sql.updateWorkflow, [
      text(record.workflow_id),
      text(record.name),
      data,
      now,
      record.expected_version ?? null,
      updatedBy,
      valid,
      record.keep_versions ?? null,
    ]);
    if (rows[0]) return workflowFromPostgres(rows[0]);
    throw await this.refusal(record.workflow_id, record.expected_version);
  }

  /** Why an update changed no row: the workflow is missing, or at another version. */
  private async refusal(workflowId: string, expectedVersion: number | undefined) {
    const { rows } = await this.pool.query<{ version: number }>(this.sql.workflowVersion, [
      text(workflowId),
    ]);
    if (!rows[0] || expectedVersion === undefined) {
      return new FlowloomError(ErrorCode.NOT_FOUND, `Workflow "${workflowId}" does not exist`);
    }
    return new VersionConflictError(workflowId, expectedVersion, rows[0].version);
  }

  async load(workflowId: string): Promise<SavedWorkflow | null> {
    await this.migrate();
    const { rows } = await this.pool.query<PgWorkflowRow>(this.sql.selectWorkflow, [
      text(workflowId),
    ]);
    return rows[0] ? workflowFromPostgres(rows[0]) : null;
  }

  async list(options: ListOptions): Promise<{ workflows: WorkflowSummary[]; total: number }> {
    await this.migrate();
    const { rows, total } = await readPostgresList<WorkflowSummaryRow>(
      this.pool,
      this.sql.listWorkflows(options, pageBounds(options)),
    );
    return { workflows: rows.map(summaryFromPostgres), total };
  }

  async delete(workflowId: string): Promise<boolean> {
    await this.migrate();
    const result = await this.pool.query(this.sql.deleteWorkflow, [text(workflowId)]);
    return (result.rowCount ?? 0) > 0;
  }

  async loadVersion(workflowId: string, version: number): Promise<SavedWorkflow | null> {
    // PostgreSQL's integer stops at 2^31 - 1: a larger version is one no workflow has.
    if (!Number.isInteger(version) || version < 1 || version > 2_147_483_647) return null;
    await this.migrate();
    const { rows } = await this.pool.query<PgWorkflowRow>(this.sql.selectVersion, [
      text(workflowId),
      version,
    ]);
    return rows[0] ? workflowFromPostgres(rows[0]) : null;
  }

  async listVersions(
    workflowId: string,
    options: { limit?: number; offset?: number },
  ): Promise<WorkflowVersionSummary[]> {
    await this.migrate();
    const { limit, offset } = pageBounds(options);
    const { rows } = await this.pool.query<WorkflowVersionRow>(this.sql.listVersions, [
      text(workflowId),
      limit,
      offset,
    ]);
    return rows.map(versionFromPostgres);
  }
}
