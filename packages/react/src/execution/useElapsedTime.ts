import { useEffect, useState } from 'react';

/**
 * How long a run has taken, in ms: from `startedAt` to `finishedAt`, or to now while `ticking`
 * (re-rendering every `intervalMs`). `undefined` before the run starts.
 *
 * @example
 * const elapsed = useElapsedTime(status?.started_at, status?.finished_at, status?.status === 'running');
 */
export function useElapsedTime(
  startedAt: string | null | undefined,
  finishedAt: string | null | undefined,
  ticking: boolean,
  intervalMs = 1000,
): number | undefined {
  const [now, setNow] = useState(() => Date.now());
  const live = ticking && Boolean(startedAt) && !finishedAt;

  useEffect(() => {
    if (!live) return;
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => {
      clearInterval(timer);
      // Frozen where it stopped, not at the last tick.
      setNow(Date.now());
    };
  }, [live, intervalMs]);

  if (!startedAt) return undefined;
  const start = Date.parse(startedAt);
  if (Number.isNaN(start)) return undefined;
  // While it ticks, the clock is read as it renders: a time kept in state would show the value
  // of the last tick (or of the mount, before the run started) for a frame.
  const current = live ? Date.now() : now;
  const finish = finishedAt ? Date.parse(finishedAt) : current;
  return Math.max(0, (Number.isNaN(finish) ? current : finish) - start);
}
