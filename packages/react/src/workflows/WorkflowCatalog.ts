import type { WorkflowExport, WorkflowListItem } from '@flowloom/core';
import type {
  ClientResult,
  SaveWorkflowResult,
  WorkflowActivationResult,
  WorkflowClient,
} from '../client/clientTypes';
import { ClientQuery } from '../hooks/ClientQuery';

/** What a duplicate is named: the original's name and "(copy)". */
export function copyNameOf(name: string): string {
  return `${name} (copy)`;
}

/**
 * The saved workflows of a client with what a list does to them: duplicate, export, delete and
 * (de)activate. Each change reads the list again. Framework-free: `WorkflowList` reads it.
 */
export class WorkflowCatalog {
  readonly query: ClientQuery<{ workflows: WorkflowListItem[]; total: number }>;
  readonly #client: WorkflowClient;

  constructor(client: WorkflowClient) {
    this.#client = client;
    this.query = new ClientQuery(() => client.listWorkflows());
  }

  /** Reads the list again. */
  readonly refresh = (): Promise<unknown> => this.query.fetch();

  /**
   * Saves a copy of a workflow's latest version as a new workflow named "<name> (copy)", its
   * credential references kept (an export would replace them with placeholders).
   */
  readonly duplicate = async (workflowId: string): Promise<ClientResult<SaveWorkflowResult>> => {
    const loaded = await this.#client.loadWorkflow(workflowId);
    if (!loaded.success) return loaded;
    const saved = await this.#client.saveWorkflow({
      name: copyNameOf(loaded.data.name),
      workflow_data: loaded.data.workflow_data,
    });
    if (saved.success) await this.query.fetch();
    return saved;
  };

  /** Deletes a workflow and its versions (its runs stay readable). */
  readonly remove = async (workflowId: string): Promise<ClientResult<null>> => {
    const removed = await this.#client.deleteWorkflow(workflowId);
    if (removed.success) await this.query.fetch();
    return removed;
  };

  /** The workflow as a file, credential references replaced by placeholders. */
  readonly exportFile = (workflowId: string): Promise<ClientResult<WorkflowExport>> =>
    this.#client.exportWorkflow(workflowId);

  /** Activates (its triggers start runs) or deactivates a workflow. */
  readonly setActive = (
    workflowId: string,
    active: boolean,
  ): Promise<ClientResult<WorkflowActivationResult | { workflow_id: string; active: false }>> =>
    active
      ? this.#client.activateWorkflow(workflowId)
      : this.#client.deactivateWorkflow(workflowId);
}
