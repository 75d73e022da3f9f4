import { ErrorCode } from '../errors/errorCodes';
import { FlowloomError } from '../errors/FlowloomError';
import type { RunLease } from '../schema/runLease';
import type { WorkflowInstance } from '../schema/workflowInstance';

/** Statuses a process holds a run in: without a live lease, another process takes it over. */
const ORPHANABLE: ReadonlySet<string> = new Set(['running', 'interrupted', 'queued']);

/**
 * The run leases of a `MemoryStore`, by instance id. Each method runs to completion without an
 * await, so in one process it is atomic as the SQL stores' statements are.
 */
export class MemoryLeases {
  private readonly leases = new Map<string, { owner_id: string; expires: number }>();

  constructor(private readonly instances: ReadonlyMap<string, WorkflowInstance>) {}

  acquire(instanceId: string, ownerId: string, ttlMs: number): RunLease | null {
    if (!this.instances.has(instanceId)) {
      throw new FlowloomError(ErrorCode.NOT_FOUND, `Instance "${instanceId}" does not exist`);
    }
    const now = Date.now();
    const held = this.leases.get(instanceId);
    if (held && held.owner_id !== ownerId && held.expires > now) return null;
    return this.lease(instanceId, ownerId, now + ttlMs);
  }

  renew(ownerId: string, instanceIds: readonly string[], ttlMs: number): string[] {
    const expires = Date.now() + ttlMs;
    const held: string[] = [];
    for (const instanceId of new Set(instanceIds)) {
      const lease = this.leases.get(instanceId);
      if (lease?.owner_id !== ownerId || !this.instances.has(instanceId)) continue;
      lease.expires = expires;
      held.push(instanceId);
    }
    return held;
  }

  release(instanceId: string, ownerId: string): void {
    if (this.leases.get(instanceId)?.owner_id === ownerId) this.leases.delete(instanceId);
  }

  /** Claims unfinished runs nobody holds (a queued one too: its process died waiting), oldest first. */
  claimOrphaned(ownerId: string, ttlMs: number, limit: number): string[] {
    const now = Date.now();
    const orphans = [...this.instances.values()]
      .filter((instance) => ORPHANABLE.has(instance.status))
      .filter((instance) => (this.leases.get(instance.instance_id)?.expires ?? 0) <= now)
      .sort((a, b) => compare(a.created_at, b.created_at) || compare(a.instance_id, b.instance_id))
      .slice(0, Math.max(0, Math.floor(limit)));
    for (const { instance_id } of orphans) this.lease(instance_id, ownerId, now + ttlMs);
    return orphans.map((instance) => instance.instance_id);
  }

  /** Forgets a deleted instance's lease. */
  forget(instanceId: string): void {
    this.leases.delete(instanceId);
  }

  private lease(instanceId: string, ownerId: string, expires: number): RunLease {
    this.leases.set(instanceId, { owner_id: ownerId, expires });
    return {
      instance_id: instanceId,
      owner_id: ownerId,
      expires_at: new Date(expires).toISOString(),
    };
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
