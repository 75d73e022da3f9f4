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
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [live, intervalMs]);

  if (!startedAt) return undefined;
  const start = Date.parse(startedAt);
  if (Number.isNaN(start)) return undefined;
  const finish = finishedAt ? Date.parse(finishedAt) : now;
  return Math.max(0, (Number.isNaN(finish) ? now : finish) - start);
}
