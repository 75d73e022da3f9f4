import type { CredentialSummary, StoredCredential } from '../schema/credential';
import type { ExecutionEvent } from '../schema/executionEvent';
import type { LogEntry } from '../schema/logEntry';
import type { SavedWorkflow, WorkflowSummary } from '../schema/savedWorkflow';
import type { InstanceStatus } from '../schema/status';
import type { WorkflowData } from '../schema/workflowData';
import type { WorkflowInstance } from '../schema/workflowInstance';

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

/** The fields of an instance that change over its life. */
export type InstancePatch = Partial<
  Pick<WorkflowInstance, 'status' | 'input_data' | 'started_at' | 'finished_at' | 'error' | 'name'>
>;

/**
 * Where workflows, instances, events and logs live. The in-memory store, SQLite and PostgreSQL
 * implement it; one contract suite (`@flowloom/core/testing`) checks each of them.
 *
 * @remarks Events are the run's journal: `appendEvents` must keep them in `seq` order and must
 * not resolve before they are stored, since dependants of a step start only afterwards.
 */
export interface WorkflowStore {
  /** Creates (version 1) or updates (version + 1) a saved workflow. `NOT_FOUND` for an unknown id. */
  saveWorkflow(record: SaveWorkflowRecord): Promise<SavedWorkflow>;
  /** A saved workflow, or `null`. */
  loadWorkflow(workflowId: string): Promise<SavedWorkflow | null>;
  /** Saved workflows, most recently updated first. */
  listWorkflows(options?: ListOptions): Promise<{ workflows: WorkflowSummary[]; total: number }>;
  /** Removes a saved workflow; returns whether it existed. */
  deleteWorkflow(workflowId: string): Promise<boolean>;

  /** Stores a new instance. `CONFLICT` when the id is taken. */
  createInstance(instance: WorkflowInstance): Promise<WorkflowInstance>;
  /** An instance, or `null`. */
  getInstance(instanceId: string): Promise<WorkflowInstance | null>;
  /** Instances, newest first. */
  listInstances(
    options?: ListInstancesOptions,
  ): Promise<{ instances: WorkflowInstance[]; total: number }>;
  /** Changes an instance and returns it; `updated_at` is set. `NOT_FOUND` for an unknown id. */
  updateInstance(instanceId: string, patch: InstancePatch): Promise<WorkflowInstance>;

  /** Appends events (each instance's in `seq` order). `CONFLICT` on a `seq` already stored. */
  appendEvents(events: readonly ExecutionEvent[]): Promise<void>;
  /** The highest `seq` stored for an instance; 0 when it has no event. */
  lastEventSeq(instanceId: string): Promise<number>;
  /** An instance's events with `seq` greater than `afterSeq`, in order. */
  listEvents(
    instanceId: string,
    options?: { afterSeq?: number; limit?: number },
  ): Promise<ExecutionEvent[]>;
  /** Appends log entries. */
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

  /** Releases connections and files. */
  close(): Promise<void>;
}
