import { ErrorCode, FlowloomError } from '@flowloom/core';

/** The shortest `triggers.syncIntervalMs`: each sync reads every activation from the store. */
export const MIN_SYNC_INTERVAL_MS = 1000;

/**
 * `triggers.syncIntervalMs`, 60 s when absent.
 *
 * @throws FlowloomError `VALIDATION_FAILED` below {@link MIN_SYNC_INTERVAL_MS} or not a number:
 * a zero would read the store in a busy loop.
 */
export function readSyncInterval(value: number | undefined): number {
  const interval = value ?? 60_000;
  if (!Number.isFinite(interval) || interval < MIN_SYNC_INTERVAL_MS) {
    throw new FlowloomError(
      ErrorCode.VALIDATION_FAILED,
      `triggers.syncIntervalMs must be a number of milliseconds of at least ${MIN_SYNC_INTERVAL_MS}`,
      {
        issues: [{ path: 'triggers.syncIntervalMs', message: `At least ${MIN_SYNC_INTERVAL_MS}` }],
      },
    );
  }
  return interval;
}
