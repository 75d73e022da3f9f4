import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * A message that clears itself after `durationMs` (e.g. a refused connection); showing another
 * restarts the clock.
 */
export function useTransientMessage(
  durationMs = 3000,
): [message: string | undefined, show: (message: string) => void] {
  const [message, setMessage] = useState<string | undefined>(undefined);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const show = useCallback(
    (next: string) => {
      clearTimeout(timer.current);
      setMessage(next);
      timer.current = setTimeout(() => setMessage(undefined), durationMs);
    },
    [durationMs],
  );
  return [message, show];
}
