import type { ExecutionPlan } from '../graph/executionPlan';

const NOTHING_TO_SKIP: readonly number[] = Object.freeze([]);

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
  /** The queue of ready steps: `ready[readyHead .. readyTail)`. */
  private readonly ready: number[] = [];
  private readyHead = 0;
  private readyTail = 0;

  constructor(private readonly plan: ExecutionPlan) {
    const steps = plan.steps.length;
    this.unresolved = new Uint32Array(steps);
    this.anyDelivered = new Uint8Array(steps);
    this.delivered = new Uint8Array(plan.edgeSource.length);
    const { incomingStart } = plan;
    for (let at = 0; at < steps; at += 1) {
      this.unresolved[at] = incomingStart[at + 1]! - incomingStart[at]!;
    }
  }

  /** Queues a step to run. */
  enqueue(stepIndex: number): void {
    this.ready[this.readyTail] = stepIndex;
    this.readyTail += 1;
  }

  /** The next ready step, or `undefined`. */
  next(): number | undefined {
    if (this.readyHead === this.readyTail) return undefined;
    const stepIndex = this.ready[this.readyHead]!;
    this.readyHead += 1;
    if (this.readyHead === this.readyTail) {
      // Drained: start over in the same array, so a chain neither grows it nor reallocates it.
      this.readyHead = 0;
      this.readyTail = 0;
    } else if (this.readyHead > 1024 && this.readyHead * 2 > this.readyTail) {
      this.ready.copyWithin(0, this.readyHead, this.readyTail);
      this.readyTail -= this.readyHead;
      this.readyHead = 0;
    }
    return stepIndex;
  }

  /** Whether a step is waiting to run. */
  hasReady(): boolean {
    return this.readyHead < this.readyTail;
  }

  /**
   * Records that a step finished and which handles it followed (none when it was skipped).
   * Steps that became ready are queued; steps that can no longer run are returned, to be
   * skipped and then resolved in turn with `resolve(index, [])`.
   */
  resolve(stepIndex: number, followedHandles: readonly string[]): readonly number[] {
    const { outgoingStart, outgoingEdges, edgeTarget, edgeSourceHandle } = this.plan;
    let skipped: number[] | undefined;
    for (let at = outgoingStart[stepIndex]!; at < outgoingStart[stepIndex + 1]!; at += 1) {
      const edgeIndex = outgoingEdges[at]!;
      const target = edgeTarget[edgeIndex]!;
      if (followedHandles.includes(edgeSourceHandle[edgeIndex]!)) {
        this.delivered[edgeIndex] = 1;
        this.anyDelivered[target] = 1;
      }
      this.unresolved[target]! -= 1;
      if (this.unresolved[target] === 0) {
        if (this.anyDelivered[target] === 1) this.enqueue(target);
        else {
          skipped ??= [];
          skipped.push(target);
        }
      }
    }
    return skipped ?? NOTHING_TO_SKIP;
  }

  /** Indices of the steps whose incoming edges delivered, in edge order. */
  deliveredSources(stepIndex: number): number[] {
    const { incomingStart, incomingEdges, edgeSource } = this.plan;
    const sources: number[] = [];
    for (let at = incomingStart[stepIndex]!; at < incomingStart[stepIndex + 1]!; at += 1) {
      const edgeIndex = incomingEdges[at]!;
      if (this.delivered[edgeIndex] === 1) sources.push(edgeSource[edgeIndex]!);
    }
    return sources;
  }
}
