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
  created_by?: string | null;
}

/** Filters and paging of `listInstances` / `listWorkflows`. */
export interface ListOptions {
  /** Only records created by this user. */
  created_by?: string | null;
  /** @default 50 */
  limit?: number;
  /** @default 0 */
  offset?: number;
}

/** Filters of `listInstances`. */
export interface ListInstancesOptions extends ListOptions {
  status?: InstanceStatus;
}

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

  /** Releases connections and files. */
  close(): Promise<void>;
}
