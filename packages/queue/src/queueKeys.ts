/** The queue name BullMQ keeps the run jobs under when none is given. */
export const DEFAULT_QUEUE_NAME = 'flowloom-runs';

/** The Redis channels and keys of one queue, beside BullMQ's own (`bull:<queue>:*`). */
export interface QueueKeys {
  /** Every execution event of every run, as workers store them (one channel: no subscribe race). */
  events: string;
  /** Commands to the worker that runs an instance: stop, resume requests. */
  commands: string;
  /** Set while a stop of the instance is under way; a worker beginning its run reads it. */
  stopFlag(instanceId: string): string;
  /** Claimed by the first process to fire a schedule's tick. */
  tick(workflowId: string, stepId: string, tickTime: Date): string;
}

/** The channels and keys of a queue. */
export function queueKeys(queueName: string): QueueKeys {
  const base = `flowloom:${queueName}`;
  return {
    events: `${base}:events`,
    commands: `${base}:commands`,
    stopFlag: (instanceId) => `${base}:stop:${instanceId}`,
    tick: (workflowId, stepId, tickTime) =>
      `${base}:tick:${workflowId}:${stepId}:${tickTime.toISOString()}`,
  };
}

/** Checks a queue name: BullMQ refuses `:` in it. */
export function checkQueueName(queueName: string): string {
  if (queueName.length === 0 || queueName.includes(':')) {
    throw new TypeError(`queueName must be a non-empty name without ":" (got "${queueName}")`);
  }
  return queueName;
}
