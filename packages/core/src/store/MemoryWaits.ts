import type { WorkflowInstance } from '../schema/workflowInstance';
import type { DueWait } from './WorkflowStore';

/**
 * The wake times of a `MemoryStore`'s waiting instances. A time is kept until the instance
 * waits again; only instances that exist and still wait are ever listed as due.
 */
export class MemoryWaits {
  private readonly wakeTimes = new Map<string, string | null>();

  /** Records when an instance wakes (`null`: not by itself). */
  set(instanceId: string, wakeAt: string | null): void {
    this.wakeTimes.set(instanceId, wakeAt);
  }

  /** Moves a wake time forward to `wakeAt` when it is unset or later; returns whether it did. */
  advance(instanceId: string, wakeAt: string): boolean {
    const current = this.wakeTimes.get(instanceId) ?? null;
    if (current !== null && current <= wakeAt) return false;
    this.wakeTimes.set(instanceId, wakeAt);
    return true;
  }

  /** The waiting instances due at `now`, earliest first, at most `limit`. */
  due(
    instances: ReadonlyMap<string, WorkflowInstance>,
    options: { now: string; limit: number },
  ): DueWait[] {
    const due: DueWait[] = [];
    for (const [instance_id, wake_at] of this.wakeTimes) {
      if (wake_at === null || wake_at > options.now) continue;
      if (instances.get(instance_id)?.status === 'waiting') due.push({ instance_id, wake_at });
    }
    due.sort((a, b) =>
      a.wake_at === b.wake_at
        ? a.instance_id < b.instance_id
          ? -1
          : 1
        : a.wake_at < b.wake_at
          ? -1
          : 1,
    );
    return due.slice(0, Math.max(0, options.limit));
  }
}
