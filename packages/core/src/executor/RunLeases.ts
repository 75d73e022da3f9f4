import { ErrorCode } from '../errors/errorCodes';
import { FlowloomError, toFlowloomError } from '../errors/FlowloomError';
import type { WorkflowStore } from '../store/WorkflowStore';
import { runningElsewhere } from './engineErrors';

/** What {@link RunLeases} needs of its engine. */
export interface RunLeaseHost {
  readonly store: WorkflowStore;
  /** Who this engine is in the store's leases. */
  readonly ownerId: string;
  /** How long a lease lasts unless renewed; renewed every third of it. */
  readonly leaseMs: number;
  /** A lease another process took over: the run must stop executing here. */
  lost(instanceId: string): void;
}

/**
 * The store leases of the runs one engine executes: taken before a run begins, renewed by one
 * heartbeat for all of them (an unref'd timer, armed only while a lease is held, so it never
 * keeps a process alive), given up when the run ends. A renewal that finds a lease gone tells
 * the engine (`lost`): another process took the run over once the lease had expired.
 */
export class RunLeases {
  /** The leases held, each with a token telling one acquisition of an instance from the next. */
  private readonly held = new Map<string, number>();
  /** Releases on their way to the store; a new lease of the instance waits for its release. */
  private readonly releasing = new Map<string, Promise<void>>();
  private nextToken = 1;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private renewing = false;
  /** Set once a renewal failed, so a store that is down is reported once, not every beat. */
  private failing = false;

  constructor(private readonly host: RunLeaseHost) {}

  /**
   * Takes the lease of an instance (extending it when this engine holds it already, e.g. after
   * a claim of orphaned runs).
   *
   * @throws FlowloomError `CONFLICT` when another live process holds it, `NOT_FOUND`.
   */
  async acquire(instanceId: string): Promise<void> {
    await this.releasing.get(instanceId);
    const { store, ownerId, leaseMs } = this.host;
    const lease = await store.acquireRunLease(instanceId, ownerId, leaseMs);
    if (!lease) throw runningElsewhere(instanceId);
    this.held.set(instanceId, this.nextToken++);
    this.arm();
  }

  /** Whether this engine still holds the instance's lease (not released, not lost). */
  isHeld(instanceId: string): boolean {
    return this.held.has(instanceId);
  }

  /** Gives a lease up; the store write goes on in the background (see {@link settled}). */
  release(instanceId: string): void {
    // A lost lease is another process's now: nothing to give up.
    if (!this.held.delete(instanceId)) return;
    if (this.held.size === 0) this.disarm();
    const { store, ownerId } = this.host;
    const released = store
      .releaseRunLease(instanceId, ownerId)
      .catch((error: unknown) => {
        // It expires by itself: another process takes the run after `leaseMs` at the latest.
        report(`Could not release the lease of run ${instanceId}: ${message(error)}`);
      })
      .finally(() => {
        if (this.releasing.get(instanceId) === released) this.releasing.delete(instanceId);
      });
    this.releasing.set(instanceId, released);
  }

  /** Settles once every release under way has reached the store (or failed). */
  async settled(): Promise<void> {
    while (this.releasing.size > 0) await Promise.all([...this.releasing.values()]);
  }

  private arm(): void {
    if (this.timer !== undefined || this.held.size === 0) return;
    this.timer = setTimeout(this.beat, Math.max(1, Math.floor(this.host.leaseMs / 3)));
    (this.timer as { unref?: () => void }).unref?.();
  }

  private disarm(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private readonly beat = (): void => {
    this.timer = undefined;
    if (this.renewing) {
      this.arm();
      return;
    }
    this.renewing = true;
    void this.renew().finally(() => {
      this.renewing = false;
      this.arm();
    });
  };

  /** Renews every lease held; tells the engine of those another process took. */
  private async renew(): Promise<void> {
    const asked = new Map(this.held);
    if (asked.size === 0) return;
    const { store, ownerId, leaseMs } = this.host;
    let kept: Set<string>;
    try {
      kept = new Set(await store.renewRunLeases(ownerId, [...asked.keys()], leaseMs));
      this.failing = false;
    } catch (error) {
      // Not lost: the next beat tries again, well before the leases expire.
      if (!this.failing) report(`Could not renew the leases of running runs: ${message(error)}`);
      this.failing = true;
      return;
    }
    for (const [instanceId, token] of asked) {
      // Released (or taken again) while the renewal was on its way: not this renewal's to judge.
      if (kept.has(instanceId) || this.held.get(instanceId) !== token) continue;
      this.held.delete(instanceId);
      this.host.lost(instanceId);
    }
    if (this.held.size === 0) this.disarm();
  }
}

/**
 * An engine's lease options, defaults applied.
 *
 * @throws FlowloomError `VALIDATION_FAILED` for an empty `ownerId` or a `leaseMs` that is not a
 * positive number.
 */
export function leaseOptionsOf(options: { ownerId?: string; leaseMs?: number }): {
  ownerId: string;
  leaseMs: number;
} {
  const ownerId = options.ownerId ?? `engine:${globalThis.crypto.randomUUID()}`;
  if (ownerId.length === 0) {
    throw new FlowloomError(ErrorCode.VALIDATION_FAILED, 'ownerId must not be empty');
  }
  const leaseMs = options.leaseMs ?? 30_000;
  if (!(leaseMs > 0 && Number.isFinite(leaseMs))) {
    throw new FlowloomError(ErrorCode.VALIDATION_FAILED, 'leaseMs must be a positive number');
  }
  return { ownerId, leaseMs };
}

function message(error: unknown): string {
  return toFlowloomError(error).message;
}

function report(text: string): void {
  console.warn(`[flowloom] ${text}`);
}
