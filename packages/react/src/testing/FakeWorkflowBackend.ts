import {
  ComponentRegistry,
  ExecutionEngine,
  MemoryStore,
  type RegistrableComponent,
  type WorkflowInstance,
} from '@flowloom/core';
import { FakeCredentialStore } from './FakeCredentialStore';

/** Who owns what the fake API creates: the server's user when it runs without `authenticate`. */
export const FAKE_USER_ID = 'anonymous';

/** A MemoryStore that can say synchronously whether an instance exists (a WebSocket must know before it opens). */
class FakeStore extends MemoryStore {
  readonly instanceIds = new Set<string>();

  override async createInstance(instance: WorkflowInstance): Promise<WorkflowInstance> {
    const created = await super.createInstance(instance);
    this.instanceIds.add(created.instance_id);
    return created;
  }
}

/**
 * What the MSW handlers serve: core's real registry, engine and in-memory store, so validation,
 * execution, events and logs behave as on a real server.
 *
 * @remarks `reset()` swaps in an empty store and a new engine (runs of the old one are stopped)
 * and closes the open WebSockets; the registry stays.
 */
export class FakeWorkflowBackend {
  /** The component types offered. */
  readonly registry: ComponentRegistry;
  /** The credentials, kept in the store; never answered with their data. */
  readonly credentials: FakeCredentialStore;
  private store_: FakeStore;
  private engine_: ExecutionEngine;
  private readonly resetListeners = new Set<() => void>();

  constructor(components: ReadonlyArray<RegistrableComponent>) {
    this.registry = new ComponentRegistry({ components });
    this.store_ = new FakeStore();
    this.credentials = new FakeCredentialStore(() => this.store_);
    this.engine_ = this.newEngine();
  }

  /** Where workflows, instances, events, logs and credentials are kept. */
  get store(): MemoryStore {
    return this.store_;
  }

  /** Runs the instances; its `subscribe` feeds the WebSocket. */
  get engine(): ExecutionEngine {
    return this.engine_;
  }

  /** Whether an instance exists, known without waiting. */
  hasInstance(instanceId: string): boolean {
    return this.store_.instanceIds.has(instanceId);
  }

  /** Forgets every workflow, instance, event, log and credential; stops runs and closes sockets. */
  reset(): void {
    const previous = this.engine_;
    this.store_ = new FakeStore();
    this.engine_ = this.newEngine();
    void previous.close();
    for (const listener of [...this.resetListeners]) listener();
  }

  /** Calls `listener` on each reset; returns a function that stops it. */
  onReset(listener: () => void): () => void {
    this.resetListeners.add(listener);
    return () => this.resetListeners.delete(listener);
  }

  /** An engine on the current store, resolving `secret` parameters through the fake's credentials. */
  private newEngine(): ExecutionEngine {
    return new ExecutionEngine({
      registry: this.registry,
      store: this.store_,
      credentials: this.credentials,
    });
  }
}
