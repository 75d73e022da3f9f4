import type { ExecutionEvent } from '@flowloom/core';
import { describeEvent } from './describeEvent';
import { formatClockTime } from './formatClockTime';
import { VirtualList } from './VirtualList';

/** Props of {@link EventList}. */
export interface EventListProps {
  /** The events to show, in the order given (the hook gives them newest first). */
  events: readonly ExecutionEvent[];
  /** Told when a row's step is clicked. */
  onSelectStep?: (stepId: string) => void;
  /** The list's viewport height in px; CSS sizes it otherwise. */
  height?: number;
}

/** Height of one event row in px (the CSS keeps rows to one line). */
export const EVENT_ROW_HEIGHT = 28;

/** A run's events, virtualised: time, type, step and what happened. */
export function EventList({ events, onSelectStep, height }: EventListProps) {
  return (
    <VirtualList
      className="flowloom-event-list"
      aria-label="Events"
      items={events}
      rowHeight={EVENT_ROW_HEIGHT}
      height={height}
      getKey={(event) => event.seq}
      empty="No events yet."
      renderRow={(event) => (
        <div
          className={`flowloom-event flowloom-event--${event.event_type}`}
          data-event-type={event.event_type}
        >
          <time className="flowloom-event__time" dateTime={event.timestamp}>
            {formatClockTime(event.timestamp)}
          </time>
          <span className="flowloom-event__type">{event.event_type.replaceAll('_', ' ')}</span>
          {event.step_id !== undefined && onSelectStep ? (
            <button
              type="button"
              className="flowloom-event__step"
              title={`Show step ${event.step_id}`}
              onClick={() => onSelectStep(event.step_id as string)}
            >
              {event.step_id}
            </button>
          ) : (
            <span className="flowloom-event__step">{event.step_id ?? ''}</span>
          )}
          <span className="flowloom-event__summary" title={describeEvent(event)}>
            {describeEvent(event)}
          </span>
        </div>
      )}
    />
  );
}
