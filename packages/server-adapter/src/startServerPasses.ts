import type { LeaseSweep } from './createLeaseSweep';
import type { WorkflowTriggers } from './triggers/WorkflowTriggers';
import type { ServerLogger } from './workflowServerOptions';

/** The start-up passes under way, as `server.ready` and `server.triggersReady` report them. */
export interface ServerPasses {
  /** The start-up takeover of unfinished runs; `{ resumed: 0 }` without a sweep. Never rejects. */
  ready: Promise<{ resumed: number }>;
  /** The arming of the active workflows' schedules. Never rejects. */
  triggersReady: Promise<{ active: number }>;
  /** Whether the start-up takeover is over (never, without a sweep). */
  resumeDone(): boolean;
}

/**
 * Starts the server's start-up passes in the background, once the host's synchronous set-up
 * (mounting the server) is done: the takeover of the runs a previous process left unfinished,
 * then the schedules of the active workflows. A failure is logged, not thrown.
 */
export function startServerPasses(
  sweep: LeaseSweep | undefined,
  triggers: WorkflowTriggers,
  logger: ServerLogger,
): ServerPasses {
  let resumeDone = false;
  const ready = sweep
    ? sweep
        .start()
        .then(
          (report) => {
            if (report.resumed > 0) {
              logger.info(
                `[flowloom] Resumed ${report.resumed} run(s) a previous process left unfinished.`,
              );
            }
            return report;
          },
          (error: unknown) => {
            logger.error('[flowloom] Resuming unfinished runs failed', error);
            return { resumed: 0 };
          },
        )
        .finally(() => {
          resumeDone = true;
        })
    : Promise.resolve({ resumed: 0 });
  const triggersReady = triggers.start().then(
    (active) => ({ active }),
    (error: unknown) => {
      logger.error('[flowloom] Arming the triggers of the active workflows failed', error);
      return { active: 0 };
    },
  );
  return { ready, triggersReady, resumeDone: () => resumeDone };
}
