type Schedule = (resume: () => void) => void;

const immediate = (globalThis as { setImmediate?: Schedule }).setImmediate;

/**
 * Runs `resume` once the event loop went round, after the timers, I/O and requests that waited:
 * what a long run does every `yieldAfterMs`. In Node, two `setImmediate` hops: one alone, made
 * from the poll or timers phase, would resume in the same turn's check phase, before any timer
 * had its turn; the second lands in the next turn, after its timers. Elsewhere a zero-delay
 * timer. Taken when the module loads, so fake timers a test installs later don't hold a run back.
 */
export const yieldToEventLoop: Schedule =
  typeof immediate === 'function'
    ? (resume) => {
        immediate(() => immediate(resume));
      }
    : (resume) => {
        setTimeout(resume, 0);
      };
