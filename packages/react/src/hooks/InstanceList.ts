import type { WorkflowInstance } from '@flowloom/core';
import type {
  ClientResult,
  CreateInstanceRequest,
  InstanceListQuery,
  InstancePage,
  WorkflowClient,
} from '../client/clientTypes';
import { ClientQuery } from './ClientQuery';

/**
 * A list of a client's runs, as summaries, that stays current when instances are created through
 * it. Framework-free; `useWorkflowInstances` reads it.
 */
export class InstanceList {
  readonly query: ClientQuery<InstancePage>;
  readonly #client: WorkflowClient;
  #filter: InstanceListQuery | undefined;

  constructor(client: WorkflowClient) {
    this.#client = client;
    this.query = new ClientQuery(() => client.listInstances(this.#filter));
  }

  /** Lists the instances matching `filter` (all of them without one); later refreshes keep it. */
  readonly fetchInstances = (filter?: InstanceListQuery): Promise<ClientResult<InstancePage>> => {
    this.#filter = filter;
    return this.query.fetch();
  };

  /** Creates an instance; on success the list is fetched again before this resolves. */
  readonly createInstance = async (
    request: CreateInstanceRequest,
  ): Promise<ClientResult<WorkflowInstance>> => {
    const result = await this.#client.createInstance(request);
    if (result.success) await this.query.fetch();
    return result;
  };
}
