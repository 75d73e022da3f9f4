import {
  componentRegistry,
  type ExecutionStatus,
  instanceSummaryOf,
  MemoryStore,
  toInstanceSummary,
  type WorkflowExport,
  type WorkflowInstance,
} from '@flowloom/core';
import type {
  ClientResult,
  CreateCredentialRequest,
  SaveWorkflowResult,
  UpdateCredentialRequest,
  WorkflowClient,
} from '../client/clientTypes';
import { FakeCredentialStore } from '../testing/FakeCredentialStore';
import { makePendingInstance, makeStatus } from './executionFixtures.test-helpers';
import { FakeClientBase, NOT_FAKED } from './fakeClientBase.test-helpers';

/**
 * An in-memory `WorkflowClient` for hook tests: instances and statuses in maps, every call
 * recorded, `failNext` to make a method fail once, and `emit` to push events into the open
 * subscriptions of an instance (the last three from {@link FakeClientBase}).
 */
export class FakeWorkflowClient extends FakeClientBase implements WorkflowClient {
  readonly baseUrl = '/fake';
  readonly instances: WorkflowInstance[] = [];
  readonly statuses = new Map<string, ExecutionStatus>();
  components = componentRegistry.getAllComponents();
  /** Credentials in a store of their own, as the fake API keeps them. */
  readonly credentials = new FakeCredentialStore(() => this.#credentialStore);
  readonly #credentialStore = new MemoryStore();
  /** Ran after `executeInstance` succeeds, e.g. to emit the run's events. */
  onExecute: ((instanceId: string) => void) | undefined;
  #nextId = 1;

  listComponents() {
    return this.answer('listComponents', [], () => ({ components: this.components }));
  }

  getComponent(componentType: string) {
    const found = this.components.find((c) => c.type === componentType);
    if (!found) return Promise.resolve({ success: false as const, error: NOT_FAKED });
    return this.answer('getComponent', [componentType], () => found);
  }

  createInstance(request: Parameters<WorkflowClient['createInstance']>[0]) {
    return this.answer('createInstance', [request], () => {
      const instanceId = `inst_${this.#nextId++}`;
      const instance = makePendingInstance(instanceId, request);
      this.instances.push(instance);
      this.statuses.set(instance.instance_id, makeStatus(instance.instance_id, 'pending'));
      return instance;
    });
  }

  listInstances(query?: Parameters<WorkflowClient['listInstances']>[0]) {
    return this.answer('listInstances', [query], () => {
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
    return this.answer('deleteInstance', [instanceId], () => {
      const index = this.instances.findIndex((i) => i.instance_id === instanceId);
      if (index >= 0) this.instances.splice(index, 1);
      return null;
    });
  }

  getInstance(instanceId: string) {
    const found = this.instances.find((i) => i.instance_id === instanceId);
    if (!found) return Promise.resolve({ success: false as const, error: NOT_FAKED });
    return this.answer('getInstance', [instanceId], () => found);
  }

  async executeInstance(instanceId: string, input_data?: Record<string, unknown>) {
    const result = await this.answer('executeInstance', [instanceId, input_data], () => ({
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
    const result = await this.answer('retryInstance', [instanceId], () => ({
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
    return this.answer('resumeInstance', [instanceId, request], () => ({
      instance_id: instanceId,
      status: 'running' as const,
    }));
  }

  stopInstance(instanceId: string) {
    return this.answer('stopInstance', [instanceId], () => {
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
    return this.answer(
      'getStatus',
      [instanceId],
      () => this.statuses.get(instanceId) ?? makeStatus(instanceId, 'pending'),
    );
  }

  getLogs(instanceId: string) {
    return this.answer('getLogs', [instanceId], () => ({ logs: [] }));
  }

  saveWorkflow(
    request: Parameters<WorkflowClient['saveWorkflow']>[0],
  ): Promise<ClientResult<SaveWorkflowResult>> {
    return this.answer('saveWorkflow', [request], () => ({
      workflow_id: request.workflow_id ?? 'wf_1',
      name: request.name,
      version: 1,
      updated_at: '2025-01-01T00:00:00.000Z',
      validation: { valid: true, errors: [] },
    }));
  }

  loadWorkflow(workflowId: string, options?: { version?: number }) {
    return this.answer('loadWorkflow', options ? [workflowId, options] : [workflowId], () => ({
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
    return this.answer('listWorkflows', [], () => ({ workflows: [], total: 0 }));
  }

  getWorkflowVersions(workflowId: string) {
    return this.answer('getWorkflowVersions', [workflowId], () => ({ versions: [] }));
  }

  deleteWorkflow(workflowId: string) {
    return this.answer('deleteWorkflow', [workflowId], () => null);
  }

  getWorkflow(workflowId: string) {
    return this.answer('getWorkflow', [workflowId], async () => {
      const loaded = await this.loadWorkflow(workflowId);
      if (!loaded.success) throw new Error(loaded.error.message);
      return { ...loaded.data, active: false, active_version: null, triggers: [] };
    });
  }

  activateWorkflow(workflowId: string) {
    return this.answer('activateWorkflow', [workflowId], () => ({
      workflow_id: workflowId,
      active: true as const,
      version: 3,
      triggers: [],
    }));
  }

  deactivateWorkflow(workflowId: string) {
    return this.answer('deactivateWorkflow', [workflowId], () => ({
      workflow_id: workflowId,
      active: false as const,
    }));
  }

  exportWorkflow(workflowId: string) {
    return this.answer('exportWorkflow', [workflowId], () => ({
      flowloom_version: 1 as const,
      name: 'Loaded',
      workflow_data: { nodes: [], edges: [] },
    }));
  }

  importWorkflow(file: WorkflowExport) {
    return this.answer('importWorkflow', [file], () => ({
      workflow_id: 'wf_imported',
      name: file.name,
      version: 1,
      updated_at: '2025-01-01T00:00:00.000Z',
      validation: { valid: true, errors: [] },
    }));
  }

  listCredentials(query?: { type?: string }) {
    return this.answer('listCredentials', [query], () => this.credentials.list(query?.type));
  }

  async getCredential(credentialId: string) {
    const found = await this.credentials.get(credentialId);
    if (!found) return { success: false as const, error: NOT_FAKED };
    return this.answer('getCredential', [credentialId], () => found);
  }

  createCredential(request: CreateCredentialRequest) {
    return this.answer('createCredential', [request], () => this.credentials.create(request, null));
  }

  async updateCredential(credentialId: string, patch: UpdateCredentialRequest) {
    if (!(await this.credentials.get(credentialId))) {
      return { success: false as const, error: NOT_FAKED };
    }
    return this.answer(
      'updateCredential',
      [credentialId, patch],
      async () => (await this.credentials.update(credentialId, patch))!,
    );
  }

  deleteCredential(credentialId: string) {
    return this.answer('deleteCredential', [credentialId], async () => {
      await this.credentials.delete(credentialId);
      return null;
    });
  }
}
