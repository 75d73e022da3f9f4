import type { InstanceSummary } from '@flowloom/core';

/**
 * What started a run: its trigger's type (`webhook`, `schedule`, ...), `sub_workflow` for a run a
 * parent run's step started, else `manual`. `undefined` for a summary from a server too old to
 * say (a dash: the run itself, `getInstance`, always says).
 */
export function runTriggerOf(run: InstanceSummary): string | undefined {
  if (run.trigger === undefined) return undefined;
  if (run.trigger !== null) return run.trigger.type;
  return run.parent_instance_id ? 'sub_workflow' : 'manual';
}
