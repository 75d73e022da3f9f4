import type { ExecutionEvent } from '@flowloom/core';
import { formatDuration } from './formatDuration';

/** What an interrupted run shows: it is not lost, it continues once the server is back. */
export const INTERRUPTED_TEXT = 'Interrupted by a restart; it resumes when the server is back';

/** What a waiting run shows: no process holds it; it continues when it wakes or is resumed. */
export const WAITING_TEXT = 'Waiting: it continues when its wait ends or it is resumed';

/**
 * One line saying what an execution event tells, for the events list.
 *
 * @example describeEvent(stepFailedEvent) // → 'HTTP_ERROR: 500 from https://…'
 */
export function describeEvent(event: ExecutionEvent): string {
  switch (event.event_type) {
    case 'execution_started':
      return `${event.data.total_steps} steps`;
    case 'step_started':
      return `attempt ${event.data.attempt}`;
    case 'step_completed': {
      const handles = event.data.output_handles.join(', ');
      return `in ${formatDuration(event.data.duration_ms)}${handles ? ` → ${handles}` : ''}`;
    }
    case 'step_failed':
      return `${event.data.error.code}: ${event.data.error.message}`;
    case 'step_retrying':
      return `attempt ${event.data.attempt} failed (${event.data.error.message}); retrying in ${formatDuration(event.data.delay_ms)}`;
    case 'step_skipped':
      return event.data.reason === 'branch_not_taken' ? 'branch not taken' : 'unreachable';
    case 'log':
      return `[${event.data.level}] ${event.data.message}`;
    case 'execution_completed':
      return `${event.data.progress.completed} / ${event.data.progress.total} steps in ${formatDuration(event.data.duration_ms)}`;
    case 'execution_failed':
      return `${event.data.error.code}: ${event.data.error.message}`;
    case 'execution_cancelled':
      return event.data.reason;
    case 'execution_interrupted':
      return INTERRUPTED_TEXT;
    case 'execution_resumed':
      return event.data.step_ids.length > 0
        ? `resumed after a restart; running again: ${event.data.step_ids.join(', ')}`
        : 'resumed after a restart';
    case 'step_waiting':
      if (event.data.resume) return 'waiting to be resumed';
      return event.data.wake_at ? `waiting until ${formatDateTime(event.data.wake_at)}` : 'waiting';
    case 'step_resumed':
      return event.data.data === undefined
        ? 'resumed'
        : `resumed with ${JSON.stringify(event.data.data)}`;
    case 'execution_waiting':
      return event.data.wake_at
        ? `${WAITING_TEXT} (wakes ${formatDateTime(event.data.wake_at)})`
        : WAITING_TEXT;
    case 'execution_retried':
      return event.data.step_ids.length > 0
        ? `retrying from ${event.data.step_ids.join(', ')}`
        : 'retrying';
    default:
      return '';
  }
}

/** A wake time in the reader's locale, date included: a wait may last days. */
function formatDateTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString();
}
