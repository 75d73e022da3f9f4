/** The pause after a run's first failed wake; it doubles with each failure in a row. */
const FIRST_PAUSE_MS = 1_000;
/** The longest pause between two tries of a run that keeps failing to wake. */
const LONGEST_PAUSE_MS = 5 * 60_000;

/**
 * The runs whose wake failed, each paused before the waker tries it again (1 s, doubling up to
 * 5 minutes), so a run that keeps failing neither floods the log nor takes the place of runs
 * that would wake. Kept in the process: another process's waker tries on its own schedule.
 */
export class WakeBackoff {
  private readonly paused = new Map<string, { failures: number; until: number }>();

  /** How many runs are remembered (some may be past their pause). */
  get size(): number {
    return this.paused.size;
  }

  /** Whether the run is still pausing at `nowMs`. */
  holds(instanceId: string, nowMs: number): boolean {
    const entry = this.paused.get(instanceId);
    return entry !== undefined && entry.until > nowMs;
  }

  /** A wake failed at `nowMs`: returns how long the run now pauses. */
  failed(instanceId: string, nowMs: number): number {
    const failures = (this.paused.get(instanceId)?.failures ?? 0) + 1;
    const pauseMs = Math.min(LONGEST_PAUSE_MS, FIRST_PAUSE_MS * 2 ** (failures - 1));
    this.paused.set(instanceId, { failures, until: nowMs + pauseMs });
    return pauseMs;
  }

  /** The run woke (or no longer needs waking): it starts afresh. */
  cleared(instanceId: string): void {
    this.paused.delete(instanceId);
  }

  /** Forgets runs whose pause ended long ago: they no longer came up (woken elsewhere, deleted). */
  prune(nowMs: number): void {
    for (const [instanceId, entry] of this.paused) {
      if (entry.until + LONGEST_PAUSE_MS < nowMs) this.paused.delete(instanceId);
    }
  }
}
