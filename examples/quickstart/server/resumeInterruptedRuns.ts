import type { ExecutionEngine } from '@flowloom/core';

/**
 * Continues the runs a previous process of this quickstart left `running` (it was killed
 * mid-run): the quickstart is the only process on its database, so no one else is running them.
 * Finished steps are not run again. A run that can't be resumed is logged and left as it is.
 *
 * @returns how many runs were resumed.
 */
export async function resumeInterruptedRuns(
  engine: ExecutionEngine,
  logger: { warn(message: string): void },
): Promise<number> {
  const { instances } = await engine.store.listInstances({ status: 'running', limit: 500 });
  let resumed = 0;
  for (const instance of instances) {
    try {
      await engine.resumeWorkflow(instance.instance_id);
      resumed += 1;
    } catch (error) {
      logger.warn(`Could not resume run ${instance.instance_id}: ${(error as Error).message}`);
    }
  }
  return resumed;
}
