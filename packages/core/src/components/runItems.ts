import { ErrorCode } from '../errors/errorCodes';
import { toFlowloomError } from '../errors/FlowloomError';
import type { ChildEnd, ChildRuns } from '../executor/stepControl';
import type { SavedWorkflow } from '../schema/savedWorkflow';
import type { ErrorInfo } from '../schema/status';
import { readItemOutputs } from './readItemOutputs';

/** How the items of a `for_each` step stand once none is running. */
export interface ItemsOutcome {
  /**
   * Each item's end, in item order: `undefined` for an item that never ran (a fail-fast stop, or
   * one left when the step failed). A refused input counts as a failed item.
   */
  ends: Array<ChildEnd | undefined>;
  /** Whether an item waits: the step then waits for it. */
  waiting: boolean;
  /** Why the step itself failed, not one item (a limit, a child gone missing). */
  failure?: ErrorInfo;
}

/** What {@link runItems} runs. */
export interface ItemsRequest {
  items: readonly unknown[];
  workflow: SavedWorkflow;
  children: ChildRuns;
  /** Items running or waiting at once, at most. */
  concurrency: number;
  /** Stop at the first failed item, stopping the ones not finished. */
  failFast: boolean;
  signal: AbortSignal;
}

/**
 * Runs the workflow once per item (run input `{ item, index }`), in item order, with at most
 * `concurrency` items unfinished at once: a child that waits keeps its slot until it ends (it
 * wakes the step then), and once every slot waits, the step waits. When the step runs again
 * (after a wake or a restart) one paged survey says where its children stand: those that
 * finished are not read again until the step ends (their outputs are read once, then), waiting
 * ones hold their slots, and only the unfinished ones are followed. With `failFast`, the first
 * failure stops the unfinished items and starts no more.
 *
 * @throws what ends the step's attempt without an outcome: the signal's reason, `SHUTTING_DOWN`.
 */
export async function runItems(request: ItemsRequest): Promise<ItemsOutcome> {
  const { items, workflow, children, failFast, signal } = request;
  const standings = await children.survey(items.length);
  // Children are created in item order: every item below the last one created had one.
  let frontier = 0;
  for (const index of standings.keys()) frontier = Math.max(frontier, index + 1);
  const ends: Array<ChildEnd | undefined> = new Array(items.length);
  /** Items with a child that has not ended: stopped when the step stops short. */
  const unfinished = new Set<number>();
  /** Items to run or follow, in item order. */
  const queue: number[] = [];
  let held = 0;
  for (let index = 0; index < frontier; index += 1) {
    const standing = standings.get(index);
    const instance_id = children.idOf(index);
    if (standing?.status === 'completed') {
      // Its output is read once, when the step ends.
      ends[index] = { instance_id, status: 'completed', output: undefined };
    } else if (standing?.status === 'failed' || standing?.status === 'cancelled') {
      const error = standing.error ?? {
        code: ErrorCode.STEP_FAILED,
        message: `The run ${standing.status}`,
      };
      ends[index] = { instance_id, status: standing.status, error };
    } else if (standing?.status === 'waiting') {
      ends[index] = { instance_id, status: 'waiting' };
      unfinished.add(index);
      held += 1;
    } else {
      // Running, pending, interrupted: followed. Missing: `run` says whether it was deleted.
      queue.push(index);
    }
  }
  // A copy: items stopped short may still settle in the background, after the outcome is made.
  const outcome = (extra: Partial<ItemsOutcome> = {}): Promise<ItemsOutcome> =>
    finish(request, Array.from(ends), extra);
  if (failFast && ends.some(isFailure)) {
    stopAll(children, unfinished, 'Another item of its for_each step failed');
    return outcome();
  }
  for (let index = frontier; index < items.length; index += 1) queue.push(index);

  let next = 0;
  /** Set when the step stops short: a failed item (fail-fast), or its own `failure`. */
  let stopped: { failure?: unknown } | undefined;
  // Items still starting when the step stops short start no child: their signal aborts.
  const short = new AbortController();
  const itemSignal = AbortSignal.any([signal, short.signal]);
  const stoppedShort = new Promise<void>((resolve) => {
    short.signal.addEventListener('abort', () => resolve(), { once: true });
  });
  const stopShort = (failure?: unknown): void => {
    if (stopped) return;
    stopped = failure === undefined ? {} : { failure };
    short.abort();
  };
  const work = async (): Promise<void> => {
    while (!itemSignal.aborted && next < queue.length) {
      const index = queue[next]!;
      next += 1;
      unfinished.add(index);
      let end: ChildEnd;
      try {
        end = await children.run(index, workflow, { item: items[index], index }, itemSignal, {
          existing: index < frontier,
        });
      } catch (error) {
        if (signal.aborted) throw error;
        if (stopped) return;
        const { code, message } = toFlowloomError(error);
        // The step's own failure (or the engine closing): no item goes on after it.
        if (code !== ErrorCode.VALIDATION_FAILED) return stopShort(error);
        end = { instance_id: children.idOf(index), status: 'failed', error: { code, message } };
      }
      if (stopped) return;
      ends[index] = end;
      // A waiting child keeps its slot: this worker starts no other item.
      if (end.status === 'waiting') return;
      unfinished.delete(index);
      if (failFast && isFailure(end)) return stopShort();
    }
  };
  const workers = Math.min(Math.max(0, request.concurrency - held), queue.length);
  const all = Promise.all(Array.from({ length: workers }, work));
  // Items still running when the step stops short are not waited for: they are stopped.
  all.catch(() => undefined);
  await Promise.race([all, stoppedShort]);
  if (stopped?.failure !== undefined) {
    const error = toFlowloomError(stopped.failure);
    // The engine is closing: the attempt is abandoned, and its children resume with it.
    if (error.code === ErrorCode.SHUTTING_DOWN) throw stopped.failure;
    stopAll(children, unfinished, 'Its for_each step failed');
    return outcome({ failure: { code: error.code, message: error.message } });
  }
  if (stopped) {
    stopAll(children, unfinished, 'Another item of its for_each step failed');
    return outcome();
  }
  if (ends.some((end) => end?.status === 'waiting')) return { ends, waiting: true };
  return outcome();
}

function isFailure(end: ChildEnd | undefined): boolean {
  return end?.status === 'failed' || end?.status === 'cancelled';
}

function stopAll(children: ChildRuns, indexes: ReadonlySet<number>, reason: string): void {
  for (const index of indexes) void children.stop(children.idOf(index), reason);
}

/** The step's outcome once no item runs: the outputs of finished items read in. */
async function finish(
  request: ItemsRequest,
  ends: Array<ChildEnd | undefined>,
  extra: Partial<ItemsOutcome>,
): Promise<ItemsOutcome> {
  await readItemOutputs(request, ends);
  return { ends, waiting: false, ...extra };
}
