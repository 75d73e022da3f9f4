import {
  ErrorCode,
  type ExecutionStatus,
  FlowloomError,
  isFinalInstanceStatus,
  type WorkflowStore,
} from '@flowloom/core';
import type { Redis } from 'ioredis';
import { loadInstance } from './acceptRules';
import type { QueueCommand } from './queueCommands';
import type { QueueKeys } from './queueKeys';
import type { RedisEventSource } from './RedisEventSource';
import type { RunJobQueue } from './RunJobQueue';
import { FINAL_ENDINGS, waitForRunEnd } from './waitForRunEnd';

/** How long a stop request stays visible to a worker about to begin the run. */
export const STOP_FLAG_MS = 10 * 60_000;

/** What a stop needs of the runner. */
export interface StopHost {
  store: WorkflowStore;
  redis: Redis;
  keys: QueueKeys;
  jobs: RunJobQueue;
  events: RedisEventSource;
  timeoutMs: number;
}

/**
 * Stops a run wherever it is, in three ways at once, so that one of them reaches it whatever
 * it is doing:
 * - a flag in Redis, read by a worker right after it begins any run of the instance (the
 *   run had not begun when the command went out);
 * - a command on the commands channel, for the worker executing it now;
 * - a `stop` job, for a run no worker holds (waiting, interrupted, or orphaned by a dead
 *   worker): a worker cancels it from its journal.
 * Resolves once the store says the run is over (`cancelled`, or another end it reached first).
 *
 * @throws FlowloomError `NOT_FOUND`, `CONFLICT` when there is no run to stop, `TIMEOUT` when
 * it has not ended within `timeoutMs` (no worker is up, say): the stop stays requested.
 */
export async function stopThroughQueue(
  host: StopHost,
  instanceId: string,
  reason: string,
): Promise<ExecutionStatus> {
  const { store, redis, keys, jobs } = host;
  const instance = await loadInstance(store, instanceId);
  const afterSeq = await store.lastEventSeq(instanceId);
  // A pending or finished instance has a run to stop only when a request for one is queued.
  const idle = instance.status === 'pending' || isFinalInstanceStatus(instance.status);
  const queued =
    idle &&
    ((await jobs.isPending(instanceId, 'execute', afterSeq)) ||
      (await jobs.isPending(instanceId, 'retry', afterSeq)));
  if (idle && !queued) {
    throw new FlowloomError(
      ErrorCode.CONFLICT,
      `Instance "${instanceId}" is not running (status: ${instance.status})`,
    );
  }
  const abort = new AbortController();
  const ended = waitForRunEnd(host.events, store, instanceId, afterSeq, {
    endings: FINAL_ENDINGS,
    signal: abort.signal,
  });
  await redis.set(keys.stopFlag(instanceId), reason, 'PX', STOP_FLAG_MS);
  const command: QueueCommand = { type: 'stop', instance_id: instanceId, reason };
  await redis.publish(keys.commands, JSON.stringify(command));
  await jobs.add(
    { kind: 'stop', instance_id: instanceId, after_seq: afterSeq, accepted_at: Date.now(), reason },
    afterSeq,
  );
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), host.timeoutMs);
  });
  try {
    const status = await Promise.race([ended, timedOut]);
    if (status) return status;
    throw new FlowloomError(
      ErrorCode.TIMEOUT,
      `Instance "${instanceId}" has not stopped within ${host.timeoutMs} ms; the stop stays requested and applies when a worker takes the run`,
    );
  } finally {
    clearTimeout(timer);
    abort.abort();
  }
}
