import {
  ErrorCode,
  FlowloomError,
  type InstancePatch,
  type WorkflowInstance,
} from '@flowloom/core';
import { insertConflict } from './insertConflict';
import type { SqliteStatements } from './prepareSqliteStatements';
import { instanceFromSqlite, rememberSqliteDocument, sqliteDocumentWriting } from './sqliteRows';

/** Creating, reading and updating the instance records of a `SqliteStore`. */
export class SqliteInstances {
  constructor(private readonly statements: SqliteStatements) {}

  create(instance: WorkflowInstance): WorkflowInstance {
    const document = sqliteDocumentWriting(instance.workflow_data);
    try {
      const row = this.statements.insertInstance.get({
        instance_id: instance.instance_id,
        workflow_id: instance.workflow_id,
        name: instance.name,
        status: instance.status,
        workflow_data: document.text,
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
      if (document.exact) {
        rememberSqliteDocument(instance.instance_id, document.text, instance.workflow_data);
      }
      return instanceFromSqlite(row!);
    } catch (error) {
      throw insertConflict(error, `Instance "${instance.instance_id}"`);
    }
  }

  get(instanceId: string): WorkflowInstance | null {
    const row = this.statements.selectInstance.get(instanceId);
    return row ? instanceFromSqlite(row) : null;
  }

  /** A field the patch leaves out (or sets to undefined) keeps its value. */
  update(instanceId: string, patch: InstancePatch): WorkflowInstance {
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
}

function nullableJson(value: unknown): string | null {
  return value === null || value === undefined ? null : JSON.stringify(value);
}

function isSet(value: unknown): 0 | 1 {
  return value === undefined ? 0 : 1;
}
