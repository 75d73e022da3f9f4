import { ErrorCode } from '../errors/errorCodes';
import { FlowloomError } from '../errors/FlowloomError';
import type { AuditEntry, AuditPage, StoredAuditEntry } from '../schema/auditEntry';
import type { CredentialSummary, StoredCredential } from '../schema/credential';
import type { ExecutionEvent } from '../schema/executionEvent';
import type { LogEntry } from '../schema/logEntry';
import type { RunLease } from '../schema/runLease';
import type { SavedWorkflow, WorkflowSummary } from '../schema/savedWorkflow';
import type { InstanceStatus } from '../schema/status';
import type { WorkflowActivation } from '../schema/workflowActivation';
import type { WorkflowInstance } from '../schema/workflowInstance';
import type { WorkflowVersionSummary } from '../schema/workflowVersion';
import { frozenCopy } from './frozenCopy';
import type { ListAuditOptions } from './listAuditOptions';
import { MemoryActivations } from './MemoryActivations';
import { MemoryAuditLog } from './MemoryAuditLog';
import { MemoryCredentials } from './MemoryCredentials';
import { MemoryLeases } from './MemoryLeases';
import { MemoryWaits } from './MemoryWaits';
import { MemoryWorkflows } from './MemoryWorkflows';
import { matchesListAccess } from './matchesListAccess';
import { newestFirst } from './newestFirst';
import { pageInstanceSummaries } from './pageInstanceSummaries';
import { pageOf } from './pageOf';
import { prunableInstances } from './prunableInstances';
import { STORED } from './stored';
import type {
  CreateCredentialRecord,
  CredentialPatch,
  DueWait,
  InstancePatch,
  InstanceSummaryPage,
  ListCredentialsOptions,
  ListInstanceSummariesOptions,
  ListInstancesOptions,
  ListOptions,
  PruneInstancesOptions,
  SaveWorkflowRecord,
  WorkflowStore,
} from './WorkflowStore';

/**
 * A {@link WorkflowStore} in memory: for tests, demos and single-process hosts that need no
 * durability.
 *
 * @remarks Records are copied once on the way in and then deep-frozen, and reads hand out the
 * frozen record itself: callers can't change what is stored, and reading an instance of a
 * 10,000-node workflow costs nothing instead of a deep copy. Events are kept as given, since
 * the engine never changes an event once made.
 */
export class MemoryStore implements WorkflowStore {
  private readonly workflows = new MemoryWorkflows();
  private readonly instances = new Map<string, WorkflowInstance>();
  private readonly events = new Map<string, ExecutionEvent[]>();
  private readonly logs = new Map<string, LogEntry[]>();
  private readonly credentials = new MemoryCredentials();
  private readonly waits = new MemoryWaits();
  private readonly audit = new MemoryAuditLog();
  private readonly leases = new MemoryLeases(this.instances);
  private readonly activations = new MemoryActivations((workflowId, version) =>
    this.workflows.hasVersion(workflowId, version),
  );

  async saveWorkflow(record: SaveWorkflowRecord): Promise<SavedWorkflow> {
    const activation =
      record.workflow_id === undefined ? null : this.activations.get(record.workflow_id);
    return this.workflows.save(record, activation?.active_version);
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
    return this.workflows.list(options);
  }

  async deleteWorkflow(workflowId: string): Promise<boolean> {
    this.activations.deactivate(workflowId);
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
    if (this.instances.has(instance.instance_id)) {
      throw new FlowloomError(
        ErrorCode.CONFLICT,
        `Instance "${instance.instance_id}" already exists`,
      );
    }
    // One frozen copy per field; the document is not copied again when it is the parser's own
    // frozen copy. A field a caller left out (written before it existed) is stored as null, as
    // in SQL.
    const record: Record<string, unknown> = {};
    for (const key of Object.keys(instance)) {
      record[key] = frozenCopy((instance as unknown as Record<string, unknown>)[key]);
    }
    record.tenant_id ??= null;
    record.workflow_version ??= null;
    record.trigger ??= null;
    record.parent_instance_id ??= null;
    record.parent_step_id ??= null;
    // A record written without it is the root of its own tree, as in SQL.
    record.root_instance_id ??= instance.instance_id;
    record.progress ??= null;
    const frozen = Object.freeze(record) as WorkflowInstance;
    this.instances.set(instance.instance_id, frozen);
    return frozen;
  }

  async getInstance(instanceId: string): Promise<WorkflowInstance | null> {
    return this.instances.get(instanceId) ?? null;
  }

  async listInstances(
    options: ListInstancesOptions = {},
  ): Promise<{ instances: WorkflowInstance[]; total: number }> {
    const matching = [...this.instances.values()]
      .reverse()
      .filter(
        (instance) =>
          options.created_by === undefined || instance.created_by === options.created_by,
      )
      .filter((instance) => matchesListAccess(instance, options.access))
      .filter((instance) => options.status === undefined || instance.status === options.status)
      .sort(newestFirst('created_at'));
    const { items, total } = pageOf(matching, options);
    return { instances: items, total };
  }

  async listInstanceSummaries(
    options: ListInstanceSummariesOptions = {},
  ): Promise<InstanceSummaryPage> {
    return pageInstanceSummaries(this.instances.values(), options);
  }

  async deleteInstance(
    instanceId: string,
    options: { statuses?: readonly InstanceStatus[] } = {},
  ): Promise<boolean> {
    const instance = this.instances.get(instanceId);
    if (!instance) return false;
    if (options.statuses && !options.statuses.includes(instance.status)) {
      throw new FlowloomError(
        ErrorCode.CONFLICT,
        `Instance "${instanceId}" can't be deleted while ${instance.status}`,
      );
    }
    this.instances.delete(instanceId);
    this.events.delete(instanceId);
    this.logs.delete(instanceId);
    this.leases.forget(instanceId);
    return true;
  }

  async pruneInstances(options: PruneInstancesOptions): Promise<number> {
    const doomed = prunableInstances(this.instances.values(), options);
    for (const instanceId of doomed) {
      this.instances.delete(instanceId);
      this.events.delete(instanceId);
      this.logs.delete(instanceId);
      this.leases.forget(instanceId);
    }
    return doomed.length;
  }

  async listRunWorkflowIds(options: { after?: string; limit: number }): Promise<string[]> {
    const ids = new Set<string>();
    for (const { workflow_id } of this.instances.values()) {
      if (workflow_id !== null && (options.after === undefined || workflow_id > options.after)) {
        ids.add(workflow_id);
      }
    }
    return [...ids].sort().slice(0, Math.max(0, Math.floor(options.limit)));
  }

  async markWaiting(instanceId: string, wakeAt: string | null): Promise<WorkflowInstance> {
    const waiting = await this.updateInstance(instanceId, { status: 'waiting' });
    this.waits.set(instanceId, wakeAt);
    return waiting;
  }

  async listDueWaits(options: { now: string; limit: number }): Promise<DueWait[]> {
    return this.waits.due(this.instances, options);
  }

  async advanceWake(instanceId: string, wakeAt: string): Promise<boolean> {
    if (this.instances.get(instanceId)?.status !== 'waiting') return false;
    return this.waits.advance(instanceId, wakeAt);
  }

  async claimWaiting(instanceId: string): Promise<WorkflowInstance | null> {
    if (this.instances.get(instanceId)?.status !== 'waiting') return null;
    return this.updateInstance(instanceId, { status: 'running' });
  }

  async countTreeRuns(rootInstanceId: string): Promise<number> {
    let count = 0;
    for (const instance of this.instances.values()) {
      if (instance.root_instance_id === rootInstanceId) count += 1;
    }
    return count;
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
    const instance = this.instances.get(instanceId);
    if (!instance)
      throw new FlowloomError(ErrorCode.NOT_FOUND, `Instance "${instanceId}" does not exist`);
    // The workflow document is shared with the previous version: it is frozen and never patched.
    // A field set to undefined in the patch keeps its value, as in the SQL stores.
    const updated: Record<string, unknown> = { ...instance };
    for (const key in patch) {
      const value = patch[key as keyof InstancePatch];
      if (value !== undefined && Object.hasOwn(patch, key)) updated[key] = frozenCopy(value);
    }
    updated.updated_at = new Date().toISOString();
    Object.freeze(updated);
    this.instances.set(instanceId, updated as WorkflowInstance);
    return updated as WorkflowInstance;
  }

  /** Synchronous: returns {@link STORED} once stored, or a rejected promise (`CONFLICT`). */
  appendEvents(events: readonly ExecutionEvent[]): Promise<void> {
    let list: ExecutionEvent[] | undefined;
    let listOf = '';
    for (const event of events) {
      if (list === undefined || event.instance_id !== listOf) {
        listOf = event.instance_id;
        list = this.events.get(listOf);
        if (!list) {
          list = [];
          this.events.set(listOf, list);
        }
      }
      const lastSeq = list.length === 0 ? 0 : list[list.length - 1]!.seq;
      if (event.seq <= lastSeq) {
        return Promise.reject(
          new FlowloomError(
            ErrorCode.CONFLICT,
            `Event ${event.seq} of instance "${event.instance_id}" is already stored`,
          ),
        );
      }
      list.push(event);
    }
    return STORED;
  }

  async lastEventSeq(instanceId: string): Promise<number> {
    const list = this.events.get(instanceId);
    return list && list.length > 0 ? list[list.length - 1]!.seq : 0;
  }

  async listEvents(
    instanceId: string,
    options: { afterSeq?: number; limit?: number } = {},
  ): Promise<ExecutionEvent[]> {
    return sliceAfter(this.events.get(instanceId) ?? [], options.afterSeq ?? 0, options.limit);
  }

  /** Synchronous: returns {@link STORED}. */
  appendLogs(logs: readonly LogEntry[]): Promise<void> {
    for (const entry of logs) {
      let list = this.logs.get(entry.instance_id);
      if (!list) {
        list = [];
        this.logs.set(entry.instance_id, list);
      }
      list.push(entry);
    }
    return STORED;
  }

  async trimLogs(instanceId: string, beforeSeq: number, keepSeq?: number): Promise<void> {
    const list = this.logs.get(instanceId);
    if (!list) return;
    this.logs.set(
      instanceId,
      list.filter((entry) => entry.seq >= beforeSeq || entry.seq === keepSeq),
    );
  }

  async listLogs(
    instanceId: string,
    options: { since?: number; limit?: number } = {},
  ): Promise<LogEntry[]> {
    return sliceAfter(this.logs.get(instanceId) ?? [], options.since ?? 0, options.limit);
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
    return this.audit.prune(options.before, options.limit);
  }

  async listAudit(options?: ListAuditOptions): Promise<AuditPage> {
    return this.audit.list(options);
  }

  async close(): Promise<void> {}
}

/** The entries after a seq, found by binary search since lists are in seq order. */
function sliceAfter<T extends { seq: number }>(
  list: readonly T[],
  afterSeq: number,
  limit?: number,
): T[] {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (list[middle]!.seq <= afterSeq) low = middle + 1;
    else high = middle;
  }
  return list.slice(low, limit === undefined ? undefined : low + limit);
}
