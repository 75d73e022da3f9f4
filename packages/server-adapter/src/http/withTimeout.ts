import { ErrorCode } from '@flowloom/core';
import { httpError } from './errorResponse';

/**
 * Waits for `work`, or fails with `TIMEOUT` (408) after `ms`.
 *
 * @remarks The work itself is not stopped (a request can't be), only no longer waited for.
 */
export async function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(httpError(ErrorCode.TIMEOUT, `The request took longer than ${ms} ms`)),
      ms,
    );
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
