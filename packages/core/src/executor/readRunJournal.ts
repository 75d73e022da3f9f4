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
  /**
   * What a run queued for a concurrency slot was to begin, when it never began: its latest
   * lifecycle event is `execution_queued` (or `execution_interrupted` right after one: its
   * process stopped while it waited). A resume begins that instead of continuing the journal.
   */
  queued: ExecutionEventMap['execution_queued'] | undefined;
}

const FINAL_EVENTS: ReadonlySet<string> = new Set([
  'execution_completed',
  'execution_failed',
  'execution_cancelled',
]);

/** Events that reopen a run: after one, an earlier final event no longer ends it. */
const REOPENING_EVENTS: ReadonlySet<string> = new Set([
  'execution_queued',
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
    queued: pendingQueued(all),
  };
}

/** Events a queued run may gather before it begins, none of which begins it. */
const WHILE_QUEUED: ReadonlySet<string> = new Set([
  'execution_interrupted',
  'log',
  // A resume request for a waiting step that came while its wake-up was queued.
  'step_resumed',
]);

/** The request of the latest `execution_queued`, when nothing began it since. */
function pendingQueued(
  all: readonly ExecutionEvent[],
): ExecutionEventMap['execution_queued'] | undefined {
  for (let at = all.length - 1; at >= 0; at -= 1) {
    const event = all[at]!;
    if (event.event_type === 'execution_queued') return event.data;
    if (!WHILE_QUEUED.has(event.event_type)) return undefined;
  }
  return undefined;
}
