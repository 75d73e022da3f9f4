/**
 * The time and the timers the scheduler works with: the system's by default; tests pass one
 * they move by hand, so no test waits for real minutes.
 */
export interface ScheduleClock {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Calls `callback` once, `ms` from now; returns a handle for {@link ScheduleClock.clearTimer}. */
  setTimer(callback: () => void, ms: number): unknown;
  /** Cancels a timer that has not fired. */
  clearTimer(handle: unknown): void;
}

/** The system clock; its timers do not keep the process alive on their own. */
export const systemClock: ScheduleClock = {
  now: () => Date.now(),
  setTimer: (callback, ms) => {
    const timer = setTimeout(callback, ms);
    timer.unref?.();
    return timer;
  },
  clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};
