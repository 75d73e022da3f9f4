import { ErrorCode } from '../errors/errorCodes';
import { FlowloomError } from '../errors/FlowloomError';
import { VersionConflictError } from '../errors/VersionConflictError';
import type { SavedWorkflow, WorkflowSummary } from '../schema/savedWorkflow';
import type { WorkflowData } from '../schema/workflowData';
import type { WorkflowVersionSummary } from '../schema/workflowVersion';
import { createId } from './createId';
import { frozenCopy } from './frozenCopy';
import { matchesListAccess } from './matchesListAccess';
import { newestFirst } from './newestFirst';
import { pageOf } from './pageOf';
import type { ListOptions, SaveWorkflowRecord } from './WorkflowStore';

/** One kept version of a saved workflow. */
type StoredVersion = WorkflowVersionSummary & { workflow_data: WorkflowData };

/**
 * The saved workflows of a `MemoryStore` and every version of each, apart so the store stays
 * readable. Records are frozen: reads hand them out as they are.
 */
export class MemoryWorkflows {
  private readonly workflows = new Map<string, SavedWorkflow>();
  /** Each workflow's versions, oldest first. */
  private readonly versions = new Map<string, StoredVersion[]>();

  /** @param activeVersion - the workflow's active version, which pruning keeps. */
  save(record: SaveWorkflowRecord, activeVersion?: number): SavedWorkflow {
    const now = new Date().toISOString();
    const existing = record.workflow_id ? this.workflows.get(record.workflow_id) : undefined;
    if (record.workflow_id && !existing) {
      throw new FlowloomError(
        ErrorCode.NOT_FOUND,
        `Workflow "${record.workflow_id}" does not exist`,
      );
    }
    if (existing && record.expected_version !== undefined) {
      if (record.expected_version !== existing.version) {
        throw new VersionConflictError(
          existing.workflow_id,
          record.expected_version,
          existing.version,
        );
      }
    }
    const saved: SavedWorkflow = {
      workflow_id: existing?.workflow_id ?? createId('wf'),
      name: record.name,
      version: (existing?.version ?? 0) + 1,
      workflow_data: record.workflow_data,
      created_by: existing ? existing.created_by : (record.created_by ?? null),
      tenant_id: existing ? existing.tenant_id : (record.tenant_id ?? null),
      created_at: existing?.created_at ?? now,
      updated_at: now,
    };
    const frozen = Object.freeze({ ...saved, workflow_data: frozenCopy(saved.workflow_data) });
    this.workflows.set(saved.workflow_id, frozen);
    const versions = this.versions.get(saved.workflow_id) ?? [];
    versions.push({
      version: frozen.version,
      name: frozen.name,
      workflow_data: frozen.workflow_data,
      updated_at: frozen.updated_at,
      updated_by: record.updated_by ?? null,
      valid: record.valid ?? null,
    });
    this.versions.set(saved.workflow_id, versions);
    if (record.keep_versions !== undefined) {
      const oldestKept = frozen.version - record.keep_versions;
      const kept = versions.filter(
        (entry) => entry.version > oldestKept || entry.version === activeVersion,
      );
      this.versions.set(saved.workflow_id, kept);
    }
    return frozen;
  }

  load(workflowId: string): SavedWorkflow | null {
    return this.workflows.get(workflowId) ?? null;
  }

  loadVersion(workflowId: string, version: number): SavedWorkflow | null {
    const workflow = this.workflows.get(workflowId);
    const kept = this.versions.get(workflowId)?.find((entry) => entry.version === version);
    if (!workflow || !kept) return null;
    const { name, workflow_data, updated_at } = kept;
    return Object.freeze({ ...workflow, version, name, workflow_data, updated_at });
  }

  listVersions(
    workflowId: string,
    options: { limit?: number; offset?: number } = {},
  ): WorkflowVersionSummary[] {
    const newestFirst = [...(this.versions.get(workflowId) ?? [])].reverse();
    return pageOf(newestFirst, options).items.map(
      ({ workflow_data: _document, ...summary }) => summary,
    );
  }

  list(options: ListOptions = {}): { workflows: WorkflowSummary[]; total: number } {
    const matching = [...this.workflows.values()]
      .reverse()
      .filter(
        (workflow) =>
          options.created_by === undefined || workflow.created_by === options.created_by,
      )
      .filter((workflow) => matchesListAccess(workflow, options.access))
      .sort(newestFirst('updated_at'));
    const { items, total } = pageOf(matching, options);
    return {
      workflows: items.map(({ workflow_data: _ignored, ...summary }) => summary),
      total,
    };
  }

  /** Whether this version of this workflow is kept. */
  hasVersion(workflowId: string, version: number): boolean {
    return this.versions.get(workflowId)?.some((entry) => entry.version === version) ?? false;
  }

  delete(workflowId: string): boolean {
    this.versions.delete(workflowId);
    return this.workflows.delete(workflowId);
  }
}
