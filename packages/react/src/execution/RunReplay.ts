import {
  applyEventToStatus,
  type ExecutionEvent,
  type ExecutionStatus,
  emptyExecutionStatus,
} from '@flowloom/core';

/** Events between two kept statuses: scrubbing folds at most this many. */
const CHECKPOINT_EVERY = 256;

/**
 * A run's status at any moment of its history: the fold of its events up to that moment with
 * core's `applyEventToStatus`, the reducer the live panel uses. Statuses are kept every few
 * hundred events, so moving a timeline over ten thousand events folds a few hundred at most.
 *
 * @example
 * const replay = new RunReplay('inst_1', eventsOldestFirst);
 * replay.statusAt(12); // the status once the first 12 events had happened
 */
export class RunReplay {
  readonly #instanceId: string;
  readonly #events: readonly ExecutionEvent[];
  /** `#checkpoints[k]` is the status after `k * CHECKPOINT_EVERY` events. */
  readonly #checkpoints: ExecutionStatus[];

  /** @param events - the run's events, oldest first. */
  constructor(instanceId: string, events: readonly ExecutionEvent[]) {
    this.#instanceId = instanceId;
    this.#events = events;
    this.#checkpoints = [emptyExecutionStatus(instanceId)];
  }

  /** How many events the run has. */
  get count(): number {
    return this.#events.length;
  }

  /** The events, oldest first. */
  get events(): readonly ExecutionEvent[] {
    return this.#events;
  }

  /** The status once the first `count` events had happened (clamped to the run's events). */
  statusAt(count: number): ExecutionStatus {
    const target = Math.max(0, Math.min(Math.floor(count), this.#events.length));
    const wanted = Math.floor(target / CHECKPOINT_EVERY);
    while (this.#checkpoints.length <= wanted) {
      const index = this.#checkpoints.length;
      this.#checkpoints.push(
        this.#fold(
          this.#checkpoints[index - 1]!,
          (index - 1) * CHECKPOINT_EVERY,
          index * CHECKPOINT_EVERY,
        ),
      );
    }
    return this.#fold(this.#checkpoints[wanted]!, wanted * CHECKPOINT_EVERY, target);
  }

  #fold(start: ExecutionStatus, from: number, to: number): ExecutionStatus {
    let status = start;
    for (let at = from; at < to; at += 1) status = applyEventToStatus(status, this.#events[at]!);
    return status;
  }

  /** The instance replayed. */
  get instanceId(): string {
    return this.#instanceId;
  }
}
