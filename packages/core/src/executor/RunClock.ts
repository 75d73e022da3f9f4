/**
 * The clock of one run. A step reads it twice (when it starts and when it ends) and everything
 * time-related comes from those readings: its duration, its events' ISO times and the run's
 * time slices. Readings are `performance.now()` (monotonic, sub-millisecond); ISO times add an
 * offset to the wall clock taken when the run starts and again at every yield, so they can't
 * drift from `Date.now()` by more than the monotonic clock drifts within one slice.
 */
export class RunClock {
  private offset = 0;
  private lastMs = -1;
  private lastIso = '';

  constructor() {
    this.calibrate();
  }

  /** A monotonic reading, in milliseconds. */
  now(): number {
    return performance.now();
  }

  /** Takes the wall clock's offset again (at a macrotask boundary, where it is cheap to). */
  calibrate(): void {
    this.offset = Date.now() - performance.now();
  }

  /**
   * The ISO time of a reading, formatted once per millisecond. Never earlier than a time it
   * returned before (a reading taken before the last one, or a wall clock set back between two
   * calibrations, gets the last time again), so a run's event times follow their order.
   */
  iso(reading: number): string {
    const ms = Math.floor(reading + this.offset);
    if (ms > this.lastMs) {
      this.lastMs = ms;
      this.lastIso = new Date(ms).toISOString();
    }
    return this.lastIso;
  }
}
