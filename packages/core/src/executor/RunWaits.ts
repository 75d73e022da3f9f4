/** setTimeout's longest delay; longer waits re-arm. */
const MAX_TIMER_MS = 2_147_483_647;

/**
 * The waits of a live run (one whose other branches still run): a timer per timed wait, and
 * wakes that arrived while their step was still running (a sub-workflow ending just before its
 * step began to wait for it). A run that only waits holds none of this: it ends `waiting`, and
 * the store's wake time takes over.
 */
export class RunWaits {
  // Made on first use: most runs never wait.
  private timersByStep: Map<string, ReturnType<typeof setTimeout>> | undefined;
  private deferredSteps: Set<string> | undefined;

  constructor(
    private readonly now: () => number,
    private readonly wake: (stepId: string) => void,
  ) {}

  private get timers(): Map<string, ReturnType<typeof setTimeout>> {
    this.timersByStep ??= new Map();
    return this.timersByStep;
  }

  private get deferred(): Set<string> {
    this.deferredSteps ??= new Set();
    return this.deferredSteps;
  }

  /** A step began to wait; returns whether it wakes at once (a wake came while it ran). */
  begin(stepId: string, wakeAt: string | undefined): boolean {
    if (this.deferredSteps?.delete(stepId)) return true;
    if (wakeAt !== undefined) this.arm(stepId, Date.parse(wakeAt));
    return false;
  }

  /** A wake for a step that is still running: it wakes as soon as it begins to wait. */
  defer(stepId: string): void {
    this.deferred.add(stepId);
  }

  /** The step woke or finished: its timer and deferred wake go. */
  settle(stepId: string): void {
    if (this.timersByStep) {
      clearTimeout(this.timersByStep.get(stepId));
      this.timersByStep.delete(stepId);
    }
    this.deferredSteps?.delete(stepId);
  }

  /** The run ended: every timer goes. */
  stop(): void {
    if (this.timersByStep) {
      for (const timer of this.timersByStep.values()) clearTimeout(timer);
      this.timersByStep.clear();
    }
    this.deferredSteps?.clear();
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
