/**
 * Closes the app on Ctrl+C or a `SIGTERM` (a deploy): `close` stops taking new runs and lets the
 * running steps finish for a few seconds; runs still going are left `interrupted`, and the next
 * start resumes them.
 */
export function closeOnSignal(close: () => Promise<void>): void {
  let closing = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      if (closing) return;
      closing = true;
      close().then(
        () => process.exit(0),
        (error: unknown) => {
          console.error(error);
          process.exit(1);
        },
      );
    });
  }
}
