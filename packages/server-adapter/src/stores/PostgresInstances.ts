import {
  ErrorCode,
  FlowloomError,
  type InstancePatch,
  type WorkflowInstance,
} from '@flowloom/core';
import type { Pool } from 'pg';
import { insertConflict } from './insertConflict';
import type { PostgresQueries } from './postgresQueries';
import { instanceFromPostgres, type PgInstanceRow } from './postgresRows';
import { toPostgresText as text, toPostgresJson } from './postgresText';

/**
 * The instance-record methods of a `PostgresStore`: create, read and patch one run's row. Each
 * waits for the store's migration first.
 */
export class PostgresInstances {
  constructor(
    private readonly pool: Pool,
    private readonly sql: PostgresQueries,
    private readonly migrate: () => Promise<void>,
  ) {}

  async create(instance: WorkflowInstance): Promise<WorkflowInstance> {
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
      throw insertConflict(error, `Instance "${instance.instance_id}"`);
    }
  }

  async get(instanceId: string): Promise<WorkflowInstance | null> {
    await this.migrate();
    const { rows } = await this.pool.query<PgInstanceRow>(this.sql.selectInstance, [
      text(instanceId),
    ]);
    return rows[0] ? instanceFromPostgres(rows[0]) : null;
  }

  async update(instanceId: string, patch: InstancePatch): Promise<WorkflowInstance> {
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
}

function nullableJson(value: unknown): string | null {
  return value === null || value === undefined ? null : toPostgresJson(value);
}
