import { createRequire } from 'node:module';
import { ErrorCode, FlowloomError } from '@flowloom/core';

/** The package subpath of the built worker script (see the package's `exports`). */
const WORKER_SPECIFIER = '@flowloom/server-adapter/code-sandbox-worker';

/**
 * The path of the built worker script, found through the package's own name, so that the same
 * lookup works from `dist/` once installed and from `src/` under the test runner.
 *
 * @throws FlowloomError `NOT_CONFIGURED` when the script is missing (the package is not built).
 */
export function locateSandboxWorker(): string {
  try {
    return createRequire(import.meta.url).resolve(WORKER_SPECIFIER);
  } catch (error) {
    throw new FlowloomError(
      ErrorCode.NOT_CONFIGURED,
      `The code sandbox's worker script (${WORKER_SPECIFIER}) was not found: ` +
        'build @flowloom/server-adapter first (npm run build -w @flowloom/server-adapter)',
      { cause: error },
    );
  }
}
