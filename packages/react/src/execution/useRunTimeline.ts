import type { ExecutionEvent, ExecutionStatus } from '@flowloom/core';
import { useCallback, useMemo, useState } from 'react';
import { RunReplay } from './RunReplay';

/** What {@link useRunTimeline} returns. */
export interface RunTimelineState {
  /** The run's events, oldest first. */
  eventsAsc: readonly ExecutionEvent[];
  /** Events applied at the moment shown; `undefined` while following the run as it is now. */
  position: number | undefined;
  /** Moves to a moment (`eventsAsc.length` or more follows the run again). */
  setPosition: (count: number) => void;
  /** The run's status at the moment shown. */
  status: ExecutionStatus | null;
  /** The last `seq` at the moment shown (`Infinity` while following). */
  lastSeq: number;
}

/**
 * A moment of a run to show: the latest (following new events) until the timeline moves back,
 * then the status folded up to that event. Starts over for another run.
 *
 * @param events - the run's events, newest first (as the hooks give them).
 * @param status - the run's status as it is now.
 */
export function useRunTimeline(
  instanceId: string | undefined,
  events: readonly ExecutionEvent[],
  status: ExecutionStatus | null,
): RunTimelineState {
  const eventsAsc = useMemo(() => events.slice().reverse(), [events]);
  const replay = useMemo(() => new RunReplay(instanceId ?? '', eventsAsc), [instanceId, eventsAsc]);
  const [chosen, setChosen] = useState<{ run: string | undefined; count: number } | undefined>(
    undefined,
  );
  const position =
    chosen && chosen.run === instanceId && chosen.count < eventsAsc.length
      ? chosen.count
      : undefined;
  const shown = useMemo(
    () => (position === undefined ? status : replay.statusAt(position)),
    [position, replay, status],
  );
  const setPosition = useCallback(
    (count: number) =>
      setChosen(
        count >= eventsAsc.length ? undefined : { run: instanceId, count: Math.max(0, count) },
      ),
    [eventsAsc.length, instanceId],
  );
  const lastSeq =
    position === undefined ? Number.POSITIVE_INFINITY : (eventsAsc[position - 1]?.seq ?? 0);
  return { eventsAsc, position, setPosition, status: shown, lastSeq };
}
