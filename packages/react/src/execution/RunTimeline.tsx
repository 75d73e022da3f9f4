import type { ExecutionEvent } from '@flowloom/core';
import { useId } from 'react';
import { enRuns } from '../i18n/enRuns';
import type { Messages } from '../i18n/Messages';
import { useMessages } from '../i18n/useMessages';
import { eventTypeName } from './describeEvent';

/** Props of {@link RunTimeline}. */
export interface RunTimelineProps {
  /** The run's events, oldest first. */
  events: readonly ExecutionEvent[];
  /** How many events are applied: 0 (before the run) to `events.length` (as it is now). */
  position: number;
  onChange: (position: number) => void;
  /** Step names by id, for the event described. */
  stepNames?: Readonly<Record<string, string>>;
}

function describe(
  event: ExecutionEvent,
  names: Readonly<Record<string, string>> | undefined,
  events: Messages['events'],
) {
  const type = eventTypeName(event.event_type, events);
  if (event.step_id === undefined) return type;
  return `${type} · ${names?.[event.step_id] ?? event.step_id}`;
}

/**
 * A slider over a run's events, by `seq`: moving it replays the run to that moment (the
 * panel and the canvas show every step's status then). The arrow keys step one event at a
 * time; Latest returns to the run as it is now.
 */
export function RunTimeline({ events, position, onChange, stepNames }: RunTimelineProps) {
  const id = useId();
  const words = useMessages('timeline', enRuns.timeline);
  const eventsWords = useMessages('events', enRuns.events);
  const total = events.length;
  const current = position > 0 ? events[position - 1] : undefined;
  const text = current
    ? words.event(
        current.seq,
        events.at(-1)?.seq ?? total,
        describe(current, stepNames, eventsWords),
      )
    : words.before;
  return (
    <div className="flowloom-timeline">
      <label htmlFor={id} className="flowloom-timeline__label">
        {words.label}
      </label>
      <input
        id={id}
        className="flowloom-timeline__slider"
        type="range"
        min={0}
        max={total}
        step={1}
        value={Math.min(position, total)}
        aria-valuetext={text}
        onChange={(event) => onChange(Number(event.target.value))}
      />
      <output htmlFor={id} className="flowloom-timeline__event" aria-live="polite">
        {text}
      </output>
      <button
        type="button"
        className="flowloom-button"
        title={words.latestHint}
        disabled={position >= total}
        onClick={() => onChange(total)}
      >
        {words.latest}
      </button>
    </div>
  );
}
