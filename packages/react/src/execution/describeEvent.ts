import type { ExecutionEvent } from '@flowloom/core';
import type { Formatters } from '../i18n/createFormatters';
import type { Messages } from '../i18n/Messages';

/**
 * One line saying what an execution event tells, for the events list, in the words of a
 * catalogue's `events` section and the formats of its locale.
 *
 * @example describeEvent(stepFailedEvent, en.events, createFormatters('en')) // → 'HTTP_ERROR: 500 from https://…'
 */
export function describeEvent(
  event: ExecutionEvent,
  text: Messages['events'],
  format: Formatters,
): string {
  switch (event.event_type) {
    case 'execution_queued':
      return text.queued;
    case 'execution_started':
      return text.totalSteps(event.data.total_steps);
    case 'step_started':
      return text.attempt(event.data.attempt);
    case 'step_completed':
      return text.completedIn(format.duration(event.data.duration_ms), event.data.output_handles);
    case 'step_failed':
      return `${event.data.error.code}: ${event.data.error.message}`;
    case 'step_retrying':
      return text.retrying(
        event.data.attempt,
        event.data.error.message,
        format.duration(event.data.delay_ms),
      );
    case 'step_skipped':
      return text.skipped[event.data.reason] ?? event.data.reason;
    case 'log':
      return `[${event.data.level}] ${event.data.message}`;
    case 'execution_completed':
      return text.finished(
        event.data.progress.completed,
        event.data.progress.total,
        format.duration(event.data.duration_ms),
      );
    case 'execution_failed':
      return `${event.data.error.code}: ${event.data.error.message}`;
    case 'execution_cancelled':
      return event.data.reason;
    case 'execution_interrupted':
      return text.interrupted;
    case 'execution_resumed':
      return text.resumedAfterRestart(event.data.step_ids);
    case 'step_waiting':
      if (event.data.resume) return text.waitingToResume;
      return event.data.wake_at
        ? text.waitingUntil(format.dateTime(event.data.wake_at))
        : text.waiting;
    case 'step_resumed':
      return event.data.data === undefined
        ? text.resumed
        : text.resumedWith(JSON.stringify(event.data.data));
    case 'execution_waiting':
      return text.runWaiting(event.data.wake_at ? format.dateTime(event.data.wake_at) : undefined);
    case 'execution_retried':
      return text.retriedFrom(event.data.step_ids);
    default:
      return '';
  }
}

/** An event type's name in the catalogue's words (`step completed`); an unknown one as written. */
export function eventTypeName(type: string, text: Messages['events']): string {
  return text.types[type] ?? type.replaceAll('_', ' ');
}
