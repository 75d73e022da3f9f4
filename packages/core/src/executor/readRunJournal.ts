import type { ExecutionEvent, ExecutionEventMap } from '../schema/executionEvent';
import type { WorkflowStore } from '../store/WorkflowStore';

/** An instance's latest run as its stored events tell it. */
export interface RunJournal {
  /** The latest run's events, its `execution_started` first; empty when it never ran. */
  events: ExecutionEvent[];
  /** What the latest run started with, when it started. */
  started: ExecutionEventMap['execution_started'] | undefined;
  /** The last `seq` stored for the instance (earlier runs included); 0 without events. */
  lastSeq: number;
  /**
   * Whether the latest run ended: its last lifecycle event is final (completed, failed,
   * cancelled), not a later retry or resume.
   */
  ended: boolean;
}

const FINAL_EVENTS: ReadonlySet<string> = new Set([
  'execution_completed',
  'execution_failed',
  'execution_cancelled',
]);

/** Events that reopen a run: after one, an earlier final event no longer ends it. */
const REOPENING_EVENTS: ReadonlySet<string> = new Set([
  'execution_started',
  'execution_retried',
  'execution_resumed',
]);

/** Reads the journal of an instance's latest run: what resume, retry and stop replay. */
export async function readRunJournal(
  store: WorkflowStore,
  instanceId: string,
): Promise<RunJournal> {
  const all = await store.listEvents(instanceId);
  const runStart = all.findLastIndex((event) => event.event_type === 'execution_started');
  const events = runStart === -1 ? [] : all.slice(runStart);
  const first = events[0];
  let ended = false;
  for (let at = events.length - 1; at >= 0; at -= 1) {
    const type = events[at]!.event_type;
    if (FINAL_EVENTS.has(type)) {
      ended = true;
      break;
    }
    if (REOPENING_EVENTS.has(type)) break;
  }
  return {
    events,
    started: first?.event_type === 'execution_started' ? first.data : undefined,
    lastSeq: all.at(-1)?.seq ?? 0,
    ended,
  };
}
