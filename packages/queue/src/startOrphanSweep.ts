import type { ExecutionEngine, WorkflowStore } from '@flowloom/core';

/** Runs one sweep claims at most. */
const SWEEP_LIMIT = 20;

/** Options of {@link startOrphanSweep}. */
export interface OrphanSweepOptions {
  engine: ExecutionEngine;
  store: WorkflowStore;
  ownerId: string;
  leaseMs: number;
  report(message: string): void;
}

/**
 * Every `leaseMs`, claims the runs left `running` or `interrupted` whose lease expired (their
 * process died) and resumes them here: the runs no job will bring back (a job lost with a
 * flushed Redis, a sub-workflow run started inside its parent's). The store's claim is atomic,
 * so two workers never resume the same run; a stalled job for it finds the lease taken.
 */
export function startOrphanSweep(options: OrphanSweepOptions): {
  stop(): void;
  settled(): Promise<void>;
} {
  const { engine, store, ownerId, leaseMs, report } = options;
  let pass: Promise<void> | undefined;
  const sweep = async (): Promise<void> => {
    const ids = await store.claimOrphanedRuns(ownerId, leaseMs, SWEEP_LIMIT);
    for (const id of ids) {
      try {
        await engine.resumeWorkflow(id);
      } catch (error) {
        // Let the lease go, so another process can have the run without waiting it out.
        await store.releaseRunLease(id, ownerId).catch(() => undefined);
        report(`[flowloom] Could not resume orphaned run ${id}: ${(error as Error).message}`);
      }
    }
  };
  const timer = setInterval(() => {
    if (pass) return;
    pass = sweep()
      .catch((error: unknown) => {
        report(`[flowloom] Sweeping orphaned runs failed: ${(error as Error).message}`);
      })
      .finally(() => {
        pass = undefined;
      });
  }, leaseMs);
  timer.unref?.();
  return {
    stop: () => clearInterval(timer),
    settled: async () => {
      await pass;
    },
  };
}
