import type { AuditEntry, AuditPage, StoredAuditEntry } from '../schema/auditEntry';
import type { CredentialSummary, StoredCredential } from '../schema/credential';
import type { ExecutionEvent } from '../schema/executionEvent';
import type { StoredInstanceSummary } from '../schema/instanceSummary';
import type { LogEntry } from '../schema/logEntry';
import type { RunLease } from '../schema/runLease';
import type { SavedWorkflow, WorkflowSummary } from '../schema/savedWorkflow';
import type { InstanceStatus } from '../schema/status';
import type { WorkflowActivation } from '../schema/workflowActivation';
import type { WorkflowData } from '../schema/workflowData';
import type { WorkflowInstance } from '../schema/workflowInstance';
import type { WorkflowVersionSummary } from '../schema/workflowVersion';
import type { ListAuditOptions } from './listAuditOptions';
import type { STORED } from './stored';

/** What `saveWorkflow` stores. */
export interface SaveWorkflowRecord {
  /** Updates this workflow (its version grows by one); a new one is created when absent. */
  workflow_id?: string;
  name: string;
  workflow_data: WorkflowData;
  /** Kept from the first save: an update never changes it. */
  created_by?: string | null;
  /** The team the workflow belongs to; kept from the first save like `created_by`. */
  tenant_id?: string | null;
  /** Who saves this version (recorded in its history). */
  updated_by?: string | null;
  /** Whether this version passed validation (recorded in its history). */
  valid?: boolean | null;
  /**
   * The version the save is based on: when the stored workflow is at another one, nothing is
   * written and `VersionConflictError` (`VERSION_CONFLICT`) is thrown. Checked in the same
   * write, so two saves based on one version can't both succeed. Ignored when creating.
   */
  expected_version?: number;
  /**
   * Versions the workflow keeps at most, this one included: older ones are deleted in the same
   * write, except the active version. Every version is kept when absent.
   */
  keep_versions?: number;
}

/**
 * "Records this user may reach" under the default access rule: those they created, and those
 * of their tenant. Records without an owner are not listed.
 */
export interface ListAccess {
  /** The user's id: records with this `created_by`. */
  user_id: string;
  /** The user's tenant: records with this `tenant_id` too. `null` or absent: none. */
  tenant_id?: string | null;
}

/** Filters and paging of `listInstances` / `listWorkflows` / `listCredentials`. */
export interface ListOptions {
  /** Only records created by this user. */
  created_by?: string | null;
  /**
   * Only records this user may reach: `created_by = user_id OR (tenant_id = tenant, not null)`.
   * Applied in the query, so `total` and the pages agree with it.
   */
  access?: ListAccess;
  /** @default 50 */
  limit?: number;
  /** @default 0 */
  offset?: number;
}

/** Filters of `listInstances`. */
export interface ListInstancesOptions extends ListOptions {
  status?: InstanceStatus;
}

/**
 * Filters and paging of `listInstanceSummaries`: newest first (`created_at`, then
 * `instance_id`), by `offset` or by `cursor`.
 */
export interface ListInstanceSummariesOptions extends ListOptions {
  /** Only instances of this saved workflow. */
  workflow_id?: string;
  /** Only instances in one of these statuses (all when absent or empty). */
  statuses?: readonly InstanceStatus[];
  /** Only instances created after this ISO time (exclusive). */
  created_after?: string;
  /** Only instances created before this ISO time (exclusive). */
  created_before?: string;
  /** Only instances started by a trigger of this type. */
  trigger_type?: string;
  /** Only instances started by this run. */
  parent_instance_id?: string;
  /**
   * The page after this cursor (a `next_cursor` of an earlier page); `offset` is then ignored.
   * Instances created meanwhile never shift the pages that follow.
   */
  cursor?: string;
}

/** A page of instance summaries. */
export interface InstanceSummaryPage {
  instances: StoredInstanceSummary[];
  /** How many instances match the filters in all (the cursor left aside). */
  total: number;
  /** The cursor of the next page; `null` on the last one. */
  next_cursor: string | null;
}

/**
 * What `pruneInstances` deletes: finished runs past either bound, at most `limit` of them. A run
 * whose parent run (`parent_instance_id`) is not finished is never deleted: the parent still
 * waits for it or reads its output.
 */
export interface PruneInstancesOptions {
  /** Finished runs that finished before this ISO time. */
  finishedBefore?: string;
  /** Finished runs of a saved workflow beyond its newest `keepPerWorkflow` finished runs. */
  keepPerWorkflow?: number;
  /**
   * Only runs of this saved workflow. With `keepPerWorkflow`, the store reads just that
   * workflow's newest runs through an index instead of ranking the whole table: retention walks
   * the workflows (`listRunWorkflowIds`) and prunes each.
   */
  workflowId?: string;
  /** The most runs deleted by this call (one transaction). With neither bound, none is. */
  limit: number;
}

/** Filters of `listCredentials`. */
export interface ListCredentialsOptions extends ListOptions {
  /** Only credentials of this type. */
  type?: string;
}

/** What `createCredential` stores: the data already encrypted. */
export interface CreateCredentialRecord {
  /** The id to store it under (e.g. one the ciphertext is bound to); a new one when absent. */
  credential_id?: string;
  name: string;
  type: string;
  /** The sealed data; the store keeps it as given. */
  ciphertext: string;
  created_by?: string | null;
  tenant_id?: string | null;
}

/** The fields of a credential that change: its name, and its data (sealed again). */
export type CredentialPatch = Partial<Pick<StoredCredential, 'name' | 'ciphertext'>>;

/** A waiting run whose wake time has come, as `listDueWaits` lists it. */
export interface DueWait {
  instance_id: string;
  /** When it was due to wake (ISO). */
  wake_at: string;
}

/** The fields of an instance that change over its life. */
export type InstancePatch = Partial<
  Pick<
    WorkflowInstance,
    'status' | 'input_data' | 'started_at' | 'finished_at' | 'error' | 'name' | 'progress'
  >
>;

/**
 * Where workflows, instances, events and logs live. The in-memory store, SQLite and PostgreSQL
 * implement it; one contract suite (`@flowloom/core/testing`) checks each of them.
 *
 * @remarks Events are the run's journal: `appendEvents` must keep them in `seq` order and must
 * not resolve before they are stored, since dependants of a step start only afterwards.
 */
export interface WorkflowStore {
  /**
   * Creates (version 1) or updates (version + 1) a saved workflow, keeping every version.
   * `NOT_FOUND` for an unknown id; `VERSION_CONFLICT` (a `VersionConflictError`) when
   * `expected_version` is not the stored version.
   */
  saveWorkflow(record: SaveWorkflowRecord): Promise<SavedWorkflow>;
  /** A saved workflow at its latest version, or `null`. */
  loadWorkflow(workflowId: string): Promise<SavedWorkflow | null>;
  /**
   * A saved workflow as one of its versions saved it (its name, document and `updated_at`), or
   * `null` for an unknown workflow or version.
   */
  loadWorkflowVersion(workflowId: string, version: number): Promise<SavedWorkflow | null>;
  /** A workflow's versions, newest first; empty for an unknown workflow. */
  listWorkflowVersions(
    workflowId: string,
    options?: { limit?: number; offset?: number },
  ): Promise<WorkflowVersionSummary[]>;
  /** Saved workflows, most recently updated first. */
  listWorkflows(options?: ListOptions): Promise<{ workflows: WorkflowSummary[]; total: number }>;
  /**
   * Removes a saved workflow, its versions and its activation (its instances stay); returns
   * whether it existed.
   */
  deleteWorkflow(workflowId: string): Promise<boolean>;

  /**
   * Makes a saved workflow active at `version`, or moves an active one to it; returns the
   * activation. `NOT_FOUND` for an unknown workflow or version.
   */
  activateWorkflow(workflowId: string, version: number): Promise<WorkflowActivation>;
  /**
   * Moves an active workflow to a newer saved `version`, checked in the same write: an inactive
   * workflow stays inactive and an active one never moves back to an older version (two saves
   * racing). Returns the activation as it stands after, `null` for an inactive workflow.
   */
  switchActiveVersion(workflowId: string, version: number): Promise<WorkflowActivation | null>;
  /** Makes a workflow inactive; returns whether it was active. */
  deactivateWorkflow(workflowId: string): Promise<boolean>;
  /** A workflow's activation; `null` when it is inactive or unknown. */
  getActivation(workflowId: string): Promise<WorkflowActivation | null>;
  /** Every active workflow's activation (in no set order), e.g. to re-arm triggers at start. */
  listActivations(): Promise<WorkflowActivation[]>;

  /** Stores a new instance. `CONFLICT` when the id is taken. */
  createInstance(instance: WorkflowInstance): Promise<WorkflowInstance>;
  /** An instance, or `null`. */
  getInstance(instanceId: string): Promise<WorkflowInstance | null>;
  /** Instances, newest first. */
  listInstances(
    options?: ListInstancesOptions,
  ): Promise<{ instances: WorkflowInstance[]; total: number }>;
  /**
   * Summaries of instances, newest first, filtered and paged in the query: the documents,
   * inputs and outputs are never read.
   */
  listInstanceSummaries(options?: ListInstanceSummariesOptions): Promise<InstanceSummaryPage>;
  /** Changes an instance and returns it; `updated_at` is set. `NOT_FOUND` for an unknown id. */
  updateInstance(instanceId: string, patch: InstancePatch): Promise<WorkflowInstance>;
  /**
   * Removes an instance with its events and logs; returns whether it existed. With `statuses`,
   * only an instance in one of them is removed, checked in the same write; `CONFLICT` for one
   * in another status (e.g. running).
   */
  deleteInstance(
    instanceId: string,
    options?: { statuses?: readonly InstanceStatus[] },
  ): Promise<boolean>;
  /**
   * Deletes finished runs (completed, failed, cancelled) past either bound, at most `limit` of
   * them in one transaction, with their events and logs; returns how many it deleted. Call it
   * again while it returns `limit`.
   */
  pruneInstances(options: PruneInstancesOptions): Promise<number>;
  /**
   * The distinct `workflow_id`s of stored runs, in ascending (byte) order, after `after` when
   * given, at most `limit`: how retention walks the workflows one at a time, an index seek each,
   * without reading the run table whole.
   */
  listRunWorkflowIds(options: { after?: string; limit: number }): Promise<string[]>;
  /**
   * Marks an instance `waiting` until `wakeAt` (ISO; `null`: until a resume request or a
   * sub-workflow wakes it), status and wake time in one write; returns it. `NOT_FOUND` for an
   * unknown id. The wake time lives here, not in a process: whichever process is up then wakes it.
   */
  markWaiting(instanceId: string, wakeAt: string | null): Promise<WorkflowInstance>;
  /**
   * Waiting instances whose wake time is at or before `now` (ISO), earliest first, at most
   * `limit`: the runs a waker continues.
   */
  listDueWaits(options: { now: string; limit: number }): Promise<DueWait[]>;
  /**
   * Brings the wake time of a `waiting` instance forward to `wakeAt` (ISO): only while it waits,
   * and only when its wake time is unset or later. Returns whether it changed. How a sub-workflow
   * that ended makes its parent due at once, for whichever process's waker comes first.
   */
  advanceWake(instanceId: string, wakeAt: string): Promise<boolean>;
  /**
   * Moves a `waiting` instance to `running` in one write (a compare-and-set) and returns it;
   * `null` when it is not waiting (another wake or resume request, perhaps in another process,
   * took it first). Of several callers at once, exactly one gets the instance.
   */
  claimWaiting(instanceId: string): Promise<WorkflowInstance | null>;
  /**
   * How many instances belong to the tree of `rootInstanceId` (those whose `root_instance_id`
   * it is, the root itself included): what `limits.maxRunsPerTree` is checked against.
   */
  countTreeRuns(rootInstanceId: string): Promise<number>;

  /**
   * Takes the lease of a run: when nobody holds it, when it expired, or when `ownerId` holds it
   * already (then it is extended), for `ttlMs` from now. `null` when another owner holds a live
   * lease. Atomic: of several owners asking at once, one gets it.
   *
   * @throws FlowloomError `NOT_FOUND` for an unknown instance.
   */
  acquireRunLease(instanceId: string, ownerId: string, ttlMs: number): Promise<RunLease | null>;
  /**
   * Extends, to `ttlMs` from now, the leases `ownerId` still holds among `instanceIds`; returns
   * the ids still held. A lease another owner took over (or a deleted instance) is missing: its
   * run must stop executing in this process. A lease that expired but that nobody took is
   * still held, and extended.
   */
  renewRunLeases(ownerId: string, instanceIds: readonly string[], ttlMs: number): Promise<string[]>;
  /** Gives a lease up; a no-op when another owner holds it (or nobody does). */
  releaseRunLease(instanceId: string, ownerId: string): Promise<void>;
  /**
   * Claims, in one atomic step, up to `limit` runs left unfinished (status `running` or
   * `interrupted`) whose lease is absent or expired, leasing each to `ownerId` for `ttlMs`;
   * returns their ids. Owners claiming at once never get the same run (PostgreSQL:
   * `FOR UPDATE SKIP LOCKED`). How `resumeOnStart` and the server's sweep find runs to take over.
   */
  claimOrphanedRuns(ownerId: string, ttlMs: number, limit: number): Promise<string[]>;

  /**
   * Appends events (each instance's in `seq` order). `CONFLICT` on a `seq` already stored.
   * A store whose write completed synchronously (in memory, better-sqlite3) returns
   * {@link STORED}: the engine then goes on in the same turn instead of awaiting a promise.
   */
  appendEvents(events: readonly ExecutionEvent[]): Promise<void>;
  /** The highest `seq` stored for an instance; 0 when it has no event. */
  lastEventSeq(instanceId: string): Promise<number>;
  /** An instance's events with `seq` greater than `afterSeq`, in order. */
  listEvents(
    instanceId: string,
    options?: { afterSeq?: number; limit?: number },
  ): Promise<ExecutionEvent[]>;
  /** Appends log entries; returns {@link STORED} when the write completed synchronously. */
  appendLogs(logs: readonly LogEntry[]): Promise<void>;
  /** An instance's log entries with `seq` greater than `since`, in order. */
  listLogs(instanceId: string, options?: { since?: number; limit?: number }): Promise<LogEntry[]>;
  /**
   * Drops an instance's log entries with `seq` below `beforeSeq`, except the one at `keepSeq`
   * (the engine's notice that lines were dropped). Only the log table: events are never dropped.
   */
  trimLogs(instanceId: string, beforeSeq: number, keepSeq?: number): Promise<void>;

  /** Stores a credential. `CONFLICT` when its id is taken. */
  createCredential(record: CreateCredentialRecord): Promise<StoredCredential>;
  /** A credential with its ciphertext, or `null`. */
  getCredential(credentialId: string): Promise<StoredCredential | null>;
  /** Credentials without their ciphertext, newest first. */
  listCredentials(
    options?: ListCredentialsOptions,
  ): Promise<{ credentials: CredentialSummary[]; total: number }>;
  /** Changes a credential and returns it; `updated_at` is set. `NOT_FOUND` for an unknown id. */
  updateCredential(credentialId: string, patch: CredentialPatch): Promise<StoredCredential>;
  /** Removes a credential; returns whether it existed. */
  deleteCredential(credentialId: string): Promise<boolean>;

  /**
   * Appends an entry to the audit log; returns it with the `audit_id` the store gave it. Entries
   * are never changed; old ones are deleted only by {@link WorkflowStore.pruneAudit}, which the
   * server calls only when the host sets `retention.auditMaxAgeMs`.
   */
  appendAudit(entry: AuditEntry): Promise<StoredAuditEntry>;
  /**
   * Deletes up to `limit` audit entries recorded before `before` (an ISO time, exclusive),
   * oldest first, in one short transaction; resolves with how many it deleted.
   */
  pruneAudit(options: { before: string; limit: number }): Promise<number>;
  /**
   * A page of the audit log, newest first (`at`, then `audit_id`), filtered in the query (see
   * {@link ListAuditOptions}); `next_cursor` pages on.
   *
   * @throws FlowloomError `VALIDATION_FAILED` for a cursor this list did not give.
   */
  listAudit(options?: ListAuditOptions): Promise<AuditPage>;

  /** Releases connections and files. */
  close(): Promise<void>;
}
