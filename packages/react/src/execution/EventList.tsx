import type { ExecutionEvent } from '@flowloom/core';
import { enRuns } from '../i18n/enRuns';
import { useI18n } from '../i18n/useI18n';
import { useMessages } from '../i18n/useMessages';
import { describeEvent, eventTypeName } from './describeEvent';
import { VirtualList } from './VirtualList';

/** Props of {@link EventList}. */
export interface EventListProps {
  /** The events to show, in the order given (the hook gives them newest first). */
  events: readonly ExecutionEvent[];
  /** Told when a row's step is clicked. */
  onSelectStep?: (stepId: string) => void;
  /** The list's viewport height in px; CSS sizes it otherwise. */
  height?: number;
  /** Step names (labels) by id: a step shows by its name, its id in the tooltip. */
  stepNames?: Readonly<Record<string, string>>;
}

/** Height of one event row in px (the CSS keeps rows to one line). */
export const EVENT_ROW_HEIGHT = 28;

/** A run's events, virtualised: time, type, step and what happened. */
export function EventList({ events, onSelectStep, height, stepNames }: EventListProps) {
  const { format } = useI18n();
  const activityWords = useMessages('activity', enRuns.activity);
  const eventsWords = useMessages('events', enRuns.events);
  return (
    <VirtualList
      className="flowloom-event-list"
      aria-label={activityWords.events}
      items={events}
      rowHeight={EVENT_ROW_HEIGHT}
      height={height}
      getKey={(event) => event.seq}
      empty={activityWords.noEvents}
      renderRow={(event) => {
        const summary = describeEvent(event, eventsWords, format);
        return (
          <div
            className={`flowloom-event flowloom-event--${event.event_type}`}
            data-event-type={event.event_type}
          >
            <time className="flowloom-event__time" dateTime={event.timestamp}>
              {format.clockTime(event.timestamp)}
            </time>
            <span className="flowloom-event__type">
              {eventTypeName(event.event_type, eventsWords)}
            </span>
            {event.step_id !== undefined && onSelectStep ? (
              <button
                type="button"
                className="flowloom-event__step"
                title={activityWords.showStep(event.step_id)}
                onClick={() => onSelectStep(event.step_id as string)}
              >
                {stepNames?.[event.step_id] ?? event.step_id}
              </button>
            ) : (
              <span className="flowloom-event__step" title={event.step_id}>
                {event.step_id === undefined ? '' : (stepNames?.[event.step_id] ?? event.step_id)}
              </span>
            )}
            <span className="flowloom-event__summary" title={summary}>
              {summary}
            </span>
          </div>
        );
      }}
    />
  );
}
