import { toFlowloomError } from '../errors/FlowloomError';
import type { ChildEnd, ChildRuns } from '../executor/stepControl';
import type { SavedWorkflow } from '../schema/savedWorkflow';

/** How the items of a `for_each` step stand once none is running. */
export interface ItemsOutcome {
  /** Each item's end, in item order; an error thrown for an item (it could not run) as a failure. */
  ends: ChildEnd[];
  /** Whether an item waits: the step then waits for it. */
  waiting: boolean;
}

/** What {@link runItems} runs. */
export interface ItemsRequest {
  items: readonly unknown[];
  workflow: SavedWorkflow;
  children: ChildRuns;
  /** Items running at once, at most. */
  concurrency: number;
  /** Stop at the first failed item, stopping the ones still running. */
  failFast: boolean;
  signal: AbortSignal;
}

/**
 * Runs the workflow once per item (run input `{ item, index }`), at most `concurrency` at once,
 * in item order. Items that already ran (the step runs again after a restart or a wait) are
 * found, not run again. With `failFast`, the first failure stops the items still running and
 * starts no more.
 */
export async function runItems(request: ItemsRequest): Promise<ItemsOutcome> {
  const { items, workflow, children, failFast, signal } = request;
  const ends: ChildEnd[] = new Array(items.length);
  const running = new Set<number>();
  let next = 0;
  let failed = false;
  const fail = (): void => {
    if (failed) return;
    failed = true;
    for (const index of running) {
      void children.stop(children.idOf(index), 'Another item of its for_each step failed');
    }
  };
  const work = async (): Promise<void> => {
    while (!failed && !signal.aborted && next < items.length) {
      const index = next;
      next += 1;
      running.add(index);
      try {
        ends[index] = await children.run(index, workflow, { item: items[index], index }, signal);
      } catch (error) {
        if (signal.aborted) throw error;
        const { code, message } = toFlowloomError(error);
        ends[index] = {
          instance_id: children.idOf(index),
          status: 'failed',
          error: { code, message },
        };
      } finally {
        running.delete(index);
      }
      const status = ends[index]!.status;
      if (failFast && (status === 'failed' || status === 'cancelled')) fail();
    }
  };
  const workers = Math.max(1, Math.min(request.concurrency, items.length));
  await Promise.all(Array.from({ length: workers }, work));
  return { ends, waiting: ends.some((end) => end?.status === 'waiting') };
}
