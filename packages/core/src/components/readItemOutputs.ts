import { toFlowloomError } from '../errors/FlowloomError';
import type { ChildEnd, ChildRuns } from '../executor/stepControl';
import type { SavedWorkflow } from '../schema/savedWorkflow';

/** Outputs read at once: enough to overlap store round trips, few enough to be gentle. */
const READS_AT_ONCE = 8;

/**
 * Reads the outputs of the items whose children completed in an earlier execution of the step
 * (`runItems` marks them `output: undefined`: a child's output is never undefined, `{}` at
 * least), each once, a few at a time. An item whose output can't be read any more
 * (its child was deleted) becomes a failed item.
 */
export async function readItemOutputs(
  request: {
    items: readonly unknown[];
    workflow: SavedWorkflow;
    children: ChildRuns;
    signal: AbortSignal;
  },
  ends: Array<ChildEnd | undefined>,
): Promise<void> {
  const { items, workflow, children, signal } = request;
  const unread: number[] = [];
  ends.forEach((end, index) => {
    if (end?.status === 'completed' && end.output === undefined) unread.push(index);
  });
  let next = 0;
  const read = async (): Promise<void> => {
    while (next < unread.length) {
      const index = unread[next]!;
      next += 1;
      try {
        ends[index] = await children.run(index, workflow, { item: items[index], index }, signal, {
          existing: true,
        });
      } catch (error) {
        if (signal.aborted) throw error;
        const { code, message } = toFlowloomError(error);
        ends[index] = {
          instance_id: children.idOf(index),
          status: 'failed',
          error: { code, message },
        };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(READS_AT_ONCE, unread.length) }, read));
}
