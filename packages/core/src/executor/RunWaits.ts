/** setTimeout's longest delay; longer waits re-arm. */
const MAX_TIMER_MS = 2_147_483_647;

/**
 * The waits of a live run (one whose other branches still run): a timer per timed wait, and
 * wakes that arrived while their step was still running (a sub-workflow ending just before its
 * step began to wait for it). A run that only waits holds none of this: it ends `waiting`, and
 * the store's wake time takes over.
 */
export class RunWaits {
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly deferred = new Set<string>();

  constructor(
    private readonly now: () => number,
    private readonly wake: (stepId: string) => void,
  ) {}

  /** A step began to wait; returns whether it wakes at once (a wake came while it ran). */
  begin(stepId: string, wakeAt: string | undefined): boolean {
    if (this.deferred.delete(stepId)) return true;
    if (wakeAt !== undefined) this.arm(stepId, Date.parse(wakeAt));
    return false;
  }

  /** A wake for a step that is still running: it wakes as soon as it begins to wait. */
  defer(stepId: string): void {
    this.deferred.add(stepId);
  }

  /** The step woke or finished: its timer and deferred wake go. */
  settle(stepId: string): void {
    clearTimeout(this.timers.get(stepId));
    this.timers.delete(stepId);
    this.deferred.delete(stepId);
  }

  /** The run ended: every timer goes. */
  stop(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    this.deferred.clear();
  }

  private arm(stepId: string, at: number): void {
    const delay = Math.min(MAX_TIMER_MS, Math.max(0, at - this.now()));
    const timer = setTimeout(() => {
      this.timers.delete(stepId);
      if (this.now() >= at) this.wake(stepId);
      else this.arm(stepId, at);
    }, delay);
    this.timers.set(stepId, timer);
  }
}
