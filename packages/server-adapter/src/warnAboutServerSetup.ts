import type { ServerLogger } from './workflowServerOptions';

/**
 * Warns at start about a set-up the server runs with but can't make safe itself: an engine the
 * host built (its workflow source is unchecked), and an API with no `authenticate` hook.
 */
export function warnAboutServerSetup(
  setup: { hostEngine: boolean; open: boolean; basePath: string },
  logger: ServerLogger,
): void {
  if (setup.hostEngine) {
    // The server can't see which workflow source the host's engine was given.
    logger.warn(
      "[flowloom] createWorkflowServer was given an engine: its sub_workflow and for_each steps load saved workflows through the engine's own `workflows` source, which the server's access rules do not check. Build it with `workflows: createWorkflowLoader({ store, canAccess, authorize })` from @flowloom/server-adapter, so a run reaches only the workflows its owner may read.",
    );
  }
  if (setup.open) {
    logger.warn(
      `[flowloom] No authenticate hook: the API at ${setup.basePath} is open, every caller acts as one anonymous user.`,
    );
  }
}
