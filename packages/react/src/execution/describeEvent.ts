import type { ExecutionEvent } from '@flowloom/core';
import { formatDuration } from './formatDuration';

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
    default:
      return '';
  }
}
