/**
 * Decides whether this process fires one tick of a schedule. The scheduler asks before every
 * tick and fires only on `true`, so "never twice for one tick" holds wherever the claim holds:
 * {@link InProcessTickClaim} within one process; a claim backed by a shared store (a row or a
 * Redis `SET NX` per tick, say) across every server sharing the workflows.
 *
 * @example
 * // Across servers sharing a Redis: the first to set the key fires the tick.
 * const tickClaim: TickClaim = {
 *   async claim(workflowId, stepId, tickTime) {
 *     const key = `flowloom:tick:${workflowId}:${stepId}:${tickTime.toISOString()}`;
 *     return (await redis.set(key, '1', 'PX', 86_400_000, 'NX')) === 'OK';
 *   },
 * };
 */
export interface TickClaim {
  /** Whether this process fires the tick at `tickTime` of schedule step `stepId` of a workflow. */
  claim(workflowId: string, stepId: string, tickTime: Date): Promise<boolean>;
}

/**
 * The default claim: within this process, each schedule fires each tick once, and never a tick
 * older than one it fired (a re-armed schedule can't fire a tick again).
 */
export class InProcessTickClaim implements TickClaim {
  /** The latest tick fired, by `workflowId stepId`. */
  private readonly latest = new Map<string, number>();

  async claim(workflowId: string, stepId: string, tickTime: Date): Promise<boolean> {
    const key = `${workflowId} ${stepId}`;
    const time = tickTime.getTime();
    if (time <= (this.latest.get(key) ?? Number.NEGATIVE_INFINITY)) return false;
    this.latest.set(key, time);
    return true;
  }
}
