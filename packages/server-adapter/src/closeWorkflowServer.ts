import type { LeaseSweep } from './createLeaseSweep';
import type { ServerParts } from './resolveServerParts';
import type { RunRetention } from './retention/createRunRetention';
import type { WorkflowTriggers } from './triggers/WorkflowTriggers';
import type { Waker } from './waits/createWaker';
import type { ServerCloseOptions } from './workflowServer';
import type { WebSocketHub } from './ws/WebSocketHub';

/** What a running server holds open, for {@link closeWorkflowServer} to close. */
export interface RunningServerParts
  extends Pick<
    ServerParts,
    'engine' | 'transport' | 'sandbox' | 'ownsSandbox' | 'store' | 'ownsStore'
  > {
  triggers: Pick<WorkflowTriggers, 'close'>;
  retention: Pick<RunRetention, 'stop'>;
  waker: Pick<Waker, 'stop'> | undefined;
  sweep: Pick<LeaseSweep, 'stop'> | undefined;
  hub: Pick<WebSocketHub, 'close'>;
  /** Detach the metrics from the engine and the hub. */
  stopMetrics: readonly (() => void)[];
}

/**
 * Shuts a server down without losing runs (see `WorkflowServer.close`): the engine refuses new
 * work at once, running steps get `graceMs`, then the timers, sockets, connection pools,
 * sandbox and store the server opened are closed.
 */
export async function closeWorkflowServer(
  server: RunningServerParts,
  options: ServerCloseOptions,
): Promise<void> {
  // First, before any await: `engine.close()` marks the engine closing synchronously, so
  // from here execute, webhooks, schedule ticks and wakes are refused (503
  // `SHUTTING_DOWN`), and the start-up resume, if still going, stops at its next run.
  const engineClosed = server.engine.close({ graceMs: options.graceMs });
  server.triggers.close();
  // Then the timers; a prune or a wake under way finishes its current batch meanwhile.
  await Promise.all([
    server.retention.stop(),
    server.waker?.stop(),
    server.sweep?.stop(),
    engineClosed,
  ]);
  server.hub.close();
  for (const stop of server.stopMetrics) stop();
  await server.transport?.close();
  if (server.ownsSandbox) await server.sandbox?.close?.();
  if (server.ownsStore) await server.store.close();
}
