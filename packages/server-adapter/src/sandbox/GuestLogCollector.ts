import type { CodeLogLine } from '@flowloom/core';

/** Most `console.*` lines one run keeps; the last slot says how many more were dropped. */
export const MAX_LOG_LINES = 1_000;
/** Longest `console.*` line kept, in characters; a longer one is cut and ends with `…`. */
export const MAX_LOG_LINE_CHARS = 10_000;

const LEVELS: ReadonlySet<string> = new Set(['debug', 'info', 'warn', 'error']);

/**
 * Collects what the guest's `console.*` passes to the host, capped so that a chatty or hostile
 * script cannot grow the worker's memory or the run's log without bound.
 */
export class GuestLogCollector {
  readonly #lines: CodeLogLine[] = [];
  #dropped = 0;

  /** Keeps one line; an unknown level is read as `info`, a long message is cut. */
  add(level: string, message: string): void {
    if (this.#lines.length >= MAX_LOG_LINES) {
      this.#dropped += 1;
      return;
    }
    this.#lines.push({
      level: LEVELS.has(level) ? (level as CodeLogLine['level']) : 'info',
      message:
        message.length > MAX_LOG_LINE_CHARS
          ? `${message.slice(0, MAX_LOG_LINE_CHARS - 1)}…`
          : message,
    });
  }

  /** The lines kept; past the cap, the last one is a warning that counts the lines dropped. */
  lines(): CodeLogLine[] {
    if (this.#dropped === 0) return [...this.#lines];
    const kept = this.#lines.slice(0, MAX_LOG_LINES - 1);
    const dropped = this.#dropped + 1;
    kept.push({
      level: 'warn',
      message: `${dropped} more console lines were dropped: a code step keeps at most ${MAX_LOG_LINES}`,
    });
    return kept;
  }
}
