import {
  componentRegistry,
  type ExecutionEvent,
  type ExecutionEventMap,
  type ExecutionEventType,
  type ExecutionStatus,
  instanceSummaryOf,
  MemoryStore,
  toInstanceSummary,
  type WorkflowExport,
  type WorkflowInstance,
} from '@flowloom/core';
import type {
  ClientError,
  ClientResult,
  CreateCredentialRequest,
  SaveWorkflowResult,
  SubscribeOptions,
  UpdateCredentialRequest,
  WorkflowClient,
} from '../client/clientTypes';
import { FakeCredentialStore } from '../testing/FakeCredentialStore';

/** An execution event for tests: `seq`, `instance_id` and `timestamp` filled in. */
export function makeEvent<K extends ExecutionEventType>(
  seq: number,
  eventType: K,
  data: ExecutionEventMap[K],
  stepId?: string,
  instanceId = 'inst_1',
): ExecutionEvent {
  return {
    seq,
    event_type: eventType,
    instance_id: instanceId,
    ...(stepId === undefined ? {} : { step_id: stepId }),
    timestamp: new Date(Date.UTC(2025, 0, 1, 0, 0, seq)).toISOString(),
    data,
  } as ExecutionEvent;
}

/** One open subscription of the fake client. */
export interface FakeSubscription {
  instanceId: string;
  onEvent: (event: ExecutionEvent) => void;
  options: SubscribeOptions | undefined;
  closed: boolean;
}

/** A status as the server reports it before, during or after a run. */
export function makeStatus(
  instanceId: string,
  status: ExecutionStatus['status'],
  stepIds: readonly string[] = [],
): ExecutionStatus {
  const steps: ExecutionStatus['steps'] = {};
  for (const id of stepIds) {
    steps[id] = {
      status: status === 'completed' ? 'completed' : 'pending',
      attempts: status === 'completed' ? 1 : 0,
      started_at: null,
      finished_at: null,
    };
  }
  return {
    instance_id: instanceId,
    status,
    steps,
    progress: { completed: status === 'completed' ? stepIds.length : 0, total: stepIds.length },
    started_at: status === 'pending' ? null : '2025-01-01T00:00:00.000Z',
    finished_at: status === 'completed' ? '2025-01-01T00:00:09.000Z' : null,
    error: null,
    variables: {},
  };
}

const NOT_IMPLEMENTED: ClientError = { code: 'INTERNAL_ERROR', message: 'not faked', status: 0 };

/**
 * An in-memory `WorkflowClient` for hook tests: instances and statuses in maps, every call
 * recorded, `failNext` to make a method fail once, and `emit` to push events into the open
 * subscriptions of an instance.
 */
export class FakeWorkflowClient implements WorkflowClient {
  readonly baseUrl = '/fake';
  readonly calls: Array<{ method: string; args: unknown[] }> = [];
  readonly subscriptions: FakeSubscription[] = [];
  readonly instances: WorkflowInstance[] = [];
  readonly statuses = new Map<string, ExecutionStatus>();
  readonly failures = new Map<string, ClientError>();
  components = componentRegistry.getAllComponents();
  /** Credentials in a store of their own, as the fake API keeps them. */
  readonly credentials = new FakeCredentialStore(() => this.#credentialStore);
  readonly #credentialStore = new MemoryStore();
  /** Ran after `executeInstance` succeeds, e.g. to emit the run's events. */
  onExecute: ((instanceId: string) => void) | undefined;
  #nextId = 1;

  /** Makes the next call of `method` fail with `error`. */
  failNext(method: keyof WorkflowClient, error: Partial<ClientError> = {}): void {
    this.failures.set(method, {
      code: 'INTERNAL_ERROR',
      message: `${method} failed`,
      status: 500,
      ...error,
    });
  }

  /** Pushes an event to every open subscription of its instance. */
  emit(event: ExecutionEvent): void {
    for (const subscription of this.subscriptions) {
      if (!subscription.closed && subscription.instanceId === event.instance_id) {
        subscription.onEvent(event);
      }
    }
  }

  /** Tells every open subscription of an instance that the socket opened or dropped. */
  setConnected(instanceId: string, connected: boolean): void {
    for (const subscription of this.subscriptions) {
      if (!subscription.closed && subscription.instanceId === instanceId) {
        subscription.options?.onConnectionChange?.(connected);
      }
    }
  }

  openSubscriptions(instanceId?: string): FakeSubscription[] {
    return this.subscriptions.filter(
      (s) => !s.closed && (instanceId === undefined || s.instanceId === instanceId),
    );
  }

  async #answer<T>(
    method: string,
    args: unknown[],
    data: () => T | Promise<T>,
  ): Promise<ClientResult<T>> {
    this.calls.push({ method, args });
    const failure = this.failures.get(method);
    if (failure) {
      this.failures.delete(method);
      return { success: false, error: failure };
    }
    return { success: true, data: await data() };
  }

  listComponents() {
    return this.#answer('listComponents', [], () => ({ components: this.components }));
  }

  getComponent(componentType: string) {
    const found = this.components.find((c) => c.type === componentType);
    if (!found) return Promise.resolve({ success: false as const, error: NOT_IMPLEMENTED });
    return this.#answer('getComponent', [componentType], () => found);
  }

  createInstance(request: Parameters<WorkflowClient['createInstance']>[0]) {
    return this.#answer('createInstance', [request], () => {
      const instanceId = `inst_${this.#nextId++}`;
      const instance: WorkflowInstance = {
        instance_id: instanceId,
        workflow_id: 'workflow_id' in request ? request.workflow_id : null,
        name: request.name,
        status: 'pending',
        workflow_data: { nodes: [], edges: [] },
        input_data: null,
        created_by: null,
        tenant_id: null,
        created_at: '2025-01-01T00:00:00.000Z',
        updated_at: '2025-01-01T00:00:00.000Z',
        started_at: null,
        finished_at: null,
        error: null,
        workflow_version: null,
        trigger: null,
        parent_instance_id: null,
        parent_step_id: null,
        root_instance_id: instanceId,
        progress: null,
      };
      this.instances.push(instance);
      this.statuses.set(instance.instance_id, makeStatus(instance.instance_id, 'pending'));
      return instance;
    });
  }

  listInstances(query?: Parameters<WorkflowClient['listInstances']>[0]) {
    return this.#answer('listInstances', [query], () => {
      const statuses = query?.status === undefined ? undefined : [query.status].flat();
      const matching = this.instances.filter((i) => !statuses || statuses.includes(i.status));
      return {
        instances: matching.map((instance) => toInstanceSummary(instanceSummaryOf(instance))),
        total: matching.length,
        next_cursor: null as string | null,
      };
    });
  }

  deleteInstance(instanceId: string) {
    return this.#answer('deleteInstance', [instanceId], () => {
      const index = this.instances.findIndex((i) => i.instance_id === instanceId);
      if (index >= 0) this.instances.splice(index, 1);
      return null;
    });
  }

  getInstance(instanceId: string) {
    const found = this.instances.find((i) => i.instance_id === instanceId);
    if (!found) return Promise.resolve({ success: false as const, error: NOT_IMPLEMENTED });
    return this.#answer('getInstance', [instanceId], () => found);
  }

  async executeInstance(instanceId: string, input_data?: Record<string, unknown>) {
    const result = await this.#answer('executeInstance', [instanceId, input_data], () => ({
      instance_id: instanceId,
      status: 'running' as const,
    }));
    if (result.success) {
      this.statuses.set(instanceId, makeStatus(instanceId, 'running'));
      this.onExecute?.(instanceId);
    }
    return result;
  }

  async retryInstance(instanceId: string) {
    const result = await this.#answer('retryInstance', [instanceId], () => ({
      instance_id: instanceId,
      status: 'running' as const,
    }));
    if (result.success) {
      const before = this.statuses.get(instanceId) ?? makeStatus(instanceId, 'failed');
      this.statuses.set(instanceId, { ...before, status: 'running', error: null });
    }
    return result;
  }

  resumeInstance(instanceId: string, request: { step_id: string; data?: Record<string, unknown> }) {
    return this.#answer('resumeInstance', [instanceId, request], () => ({
      instance_id: instanceId,
      status: 'running' as const,
    }));
  }

  stopInstance(instanceId: string) {
    return this.#answer('stopInstance', [instanceId], () => {
      const status = {
        ...(this.statuses.get(instanceId) ?? makeStatus(instanceId, 'pending')),
        status: 'cancelled' as const,
        error: { code: 'CANCELLED', message: 'Stopped by user' },
      };
      this.statuses.set(instanceId, status);
      return status;
    });
  }

  getStatus(instanceId: string) {
    return this.#answer(
      'getStatus',
      [instanceId],
      () => this.statuses.get(instanceId) ?? makeStatus(instanceId, 'pending'),
    );
  }

  getLogs(instanceId: string) {
    return this.#answer('getLogs', [instanceId], () => ({ logs: [] }));
  }

  saveWorkflow(
    request: Parameters<WorkflowClient['saveWorkflow']>[0],
  ): Promise<ClientResult<SaveWorkflowResult>> {
    return this.#answer('saveWorkflow', [request], () => ({
      workflow_id: request.workflow_id ?? 'wf_1',
      name: request.name,
      version: 1,
      updated_at: '2025-01-01T00:00:00.000Z',
      validation: { valid: true, errors: [] },
    }));
  }

  loadWorkflow(workflowId: string, options?: { version?: number }) {
    return this.#answer('loadWorkflow', options ? [workflowId, options] : [workflowId], () => ({
      workflow_id: workflowId,
      name: 'Loaded',
      version: options?.version ?? 3,
      workflow_data: {
        nodes: [
          {
            id: 'start',
            type: 'manual_trigger',
            position: { x: 0, y: 0 },
            data: { parameters: {} },
          },
        ],
        edges: [],
      },
      created_by: null,
      tenant_id: null,
      created_at: '2025-01-01T00:00:00.000Z',
      updated_at: '2025-01-01T00:00:00.000Z',
    }));
  }

  listWorkflows() {
    return this.#answer('listWorkflows', [], () => ({ workflows: [], total: 0 }));
  }

  getWorkflowVersions(workflowId: string) {
    return this.#answer('getWorkflowVersions', [workflowId], () => ({ versions: [] }));
  }

  deleteWorkflow(workflowId: string) {
    return this.#answer('deleteWorkflow', [workflowId], () => null);
  }

  getWorkflow(workflowId: string) {
    return this.#answer('getWorkflow', [workflowId], async () => {
      const loaded = await this.loadWorkflow(workflowId);
      if (!loaded.success) throw new Error(loaded.error.message);
      return { ...loaded.data, active: false, active_version: null, triggers: [] };
    });
  }

  activateWorkflow(workflowId: string) {
    return this.#answer('activateWorkflow', [workflowId], () => ({
      workflow_id: workflowId,
      active: true as const,
      version: 3,
      triggers: [],
    }));
  }

  deactivateWorkflow(workflowId: string) {
    return this.#answer('deactivateWorkflow', [workflowId], () => ({
      workflow_id: workflowId,
      active: false as const,
    }));
  }

  exportWorkflow(workflowId: string) {
    return this.#answer('exportWorkflow', [workflowId], () => ({
      flowloom_version: 1 as const,
      name: 'Loaded',
      workflow_data: { nodes: [], edges: [] },
    }));
  }

  importWorkflow(file: WorkflowExport) {
    return this.#answer('importWorkflow', [file], () => ({
      workflow_id: 'wf_imported',
      name: file.name,
      version: 1,
      updated_at: '2025-01-01T00:00:00.000Z',
      validation: { valid: true, errors: [] },
    }));
  }

  listCredentials(query?: { type?: string }) {
    return this.#answer('listCredentials', [query], () => this.credentials.list(query?.type));
  }

  async getCredential(credentialId: string) {
    const found = await this.credentials.get(credentialId);
    if (!found) return { success: false as const, error: NOT_IMPLEMENTED };
    return this.#answer('getCredential', [credentialId], () => found);
  }

  createCredential(request: CreateCredentialRequest) {
    return this.#answer('createCredential', [request], () =>
      this.credentials.create(request, null),
    );
  }

  async updateCredential(credentialId: string, patch: UpdateCredentialRequest) {
    if (!(await this.credentials.get(credentialId))) {
      return { success: false as const, error: NOT_IMPLEMENTED };
    }
    return this.#answer(
      'updateCredential',
      [credentialId, patch],
      async () => (await this.credentials.update(credentialId, patch))!,
    );
  }

  deleteCredential(credentialId: string) {
    return this.#answer('deleteCredential', [credentialId], async () => {
      await this.credentials.delete(credentialId);
      return null;
    });
  }

  subscribe(
    instanceId: string,
    onEvent: (event: ExecutionEvent) => void,
    options?: SubscribeOptions,
  ): () => void {
    this.calls.push({ method: 'subscribe', args: [instanceId, options?.since] });
    const subscription: FakeSubscription = { instanceId, onEvent, options, closed: false };
    this.subscriptions.push(subscription);
    return () => {
      subscription.closed = true;
    };
  }
}
