import type { RunnerTickClaim } from '@flowloom/core';
import type { Redis } from 'ioredis';
import type { QueueKeys } from './queueKeys';

/** How long a tick's claim is kept: far longer than any clock skew between servers. */
const TICK_CLAIM_MS = 86_400_000;

/**
 * A schedule tick is fired by the first process to set its key (`SET NX`): every API server
 * sharing the queue may arm the schedules, and each tick still starts one run. While one
 * server is up, no tick is skipped.
 */
export function createRedisTickClaim(redis: Redis, keys: QueueKeys): RunnerTickClaim {
  return {
    async claim(workflowId, stepId, tickTime) {
      const key = keys.tick(workflowId, stepId, tickTime);
      return (await redis.set(key, '1', 'PX', TICK_CLAIM_MS, 'NX')) === 'OK';
    },
  };
}
