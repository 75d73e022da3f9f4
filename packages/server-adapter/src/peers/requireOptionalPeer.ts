import { createRequire } from 'node:module';
import { ErrorCode, FlowloomError } from '@flowloom/core';

// Resolved from this package's own folder, as a static import would be; `import.meta.url` is
// shimmed in the CJS build, so both builds load the host's copy the same way.
const requireFromHere = createRequire(import.meta.url);

/**
 * Loads an optional peer dependency (a store driver) when the part that needs it is first
 * made, so a host installs only the drivers it uses.
 *
 * @param packageName - the npm package, e.g. `'pg'`
 * @param neededBy - who needs it, for the message, e.g. `'PostgresStore'`
 * @throws FlowloomError `NOT_CONFIGURED` naming the package to install when it is not installed.
 * Any other failure to load it (a native addon built for another Node, a broken install) is
 * thrown as it is, so it is not mistaken for a missing package.
 */
export function requireOptionalPeer<T>(packageName: string, neededBy: string): T {
  try {
    return requireFromHere(packageName) as T;
  } catch (error) {
    if (!isMissing(error, packageName)) throw error;
    throw new FlowloomError(
      ErrorCode.NOT_CONFIGURED,
      `${neededBy} needs the '${packageName}' package: npm install ${packageName}`,
      { cause: error },
    );
  }
}

/** Whether `error` says that `packageName` itself (not one of its own dependencies) is absent. */
function isMissing(error: unknown, packageName: string): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  return (
    code === 'MODULE_NOT_FOUND' &&
    typeof message === 'string' &&
    message.startsWith(`Cannot find module '${packageName}'`)
  );
}
