import type { ExecutionPlan } from '../graph/executionPlan';

/**
 * Decides which steps are ready. A step is ready once every incoming edge has either delivered
 * or been skipped and at least one delivered; when all were skipped the step is skipped too, and
 * that skip flows on. Counters per step and a flag per edge keep each decision O(edges touched),
 * never a scan of the graph.
 */
export class StepScheduler {
  /** Incoming edges of each step not yet delivered or skipped. */
  private readonly unresolved: Uint32Array;
  /** Whether any incoming edge of each step delivered. */
  private readonly anyDelivered: Uint8Array;
  /** Whether each edge delivered (1) or not (0). */
  private readonly delivered: Uint8Array;
  private readonly ready: number[] = [];
  private readyHead = 0;

  constructor(private readonly plan: ExecutionPlan) {
    this.unresolved = new Uint32Array(plan.steps.length);
    this.anyDelivered = new Uint8Array(plan.steps.length);
    this.delivered = new Uint8Array(plan.edges.length);
    for (const step of plan.steps) this.unresolved[step.index] = step.incoming.length;
  }

  /** Queues a step to run. */
  enqueue(stepIndex: number): void {
    this.ready.push(stepIndex);
  }

  /** The next ready step, or `undefined`. */
  next(): number | undefined {
    if (this.readyHead === this.ready.length) return undefined;
    const stepIndex = this.ready[this.readyHead]!;
    this.readyHead += 1;
    // Drop the consumed prefix now and then so a long run doesn't keep every index alive.
    if (this.readyHead > 1024 && this.readyHead * 2 > this.ready.length) {
      this.ready.splice(0, this.readyHead);
      this.readyHead = 0;
    }
    return stepIndex;
  }

  /** Whether a step is waiting to run. */
  hasReady(): boolean {
    return this.readyHead < this.ready.length;
  }

  /**
   * Records that a step finished and which handles it followed (none when it was skipped).
   * Steps that became ready are queued; steps that can no longer run are returned, to be
   * skipped and then resolved in turn with `resolve(index, [])`.
   */
  resolve(stepIndex: number, followedHandles: readonly string[]): number[] {
    const skipped: number[] = [];
    for (const edgeIndex of this.plan.steps[stepIndex]!.outgoing) {
      const edge = this.plan.edges[edgeIndex]!;
      const target = edge.target;
      if (followedHandles.includes(edge.sourceHandle)) {
        this.delivered[edgeIndex] = 1;
        this.anyDelivered[target] = 1;
      }
      this.unresolved[target]! -= 1;
      if (this.unresolved[target] === 0) {
        if (this.anyDelivered[target] === 1) this.ready.push(target);
        else skipped.push(target);
      }
    }
    return skipped;
  }

  /** Indices of the steps whose incoming edges delivered, in edge order. */
  deliveredSources(stepIndex: number): number[] {
    const sources: number[] = [];
    for (const edgeIndex of this.plan.steps[stepIndex]!.incoming) {
      if (this.delivered[edgeIndex] === 1) sources.push(this.plan.edges[edgeIndex]!.source);
    }
    return sources;
  }
}
