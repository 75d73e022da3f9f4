import type { WorkflowLimitsInput } from '@flowloom/core';
import { createRedisConcurrencyGate, type RedisConcurrencyGate } from './RedisConcurrencyGate';
import type { RedisConnection } from './redisConnection';

/**
 * The gate a worker's engine uses for `maxConcurrentRunsPerTenant` and
 * `maxConcurrentRunsPerWorkflow`: one shared through Redis by every worker of the queue, so the
 * limits hold across the cluster; none when neither limit is set.
 */
export function workerConcurrencyGate(options: {
  connection: RedisConnection;
  limits: WorkflowLimitsInput | undefined;
  queueName: string;
  leaseMs: number;
}): RedisConcurrencyGate | undefined {
  const { maxConcurrentRunsPerTenant, maxConcurrentRunsPerWorkflow } = options.limits ?? {};
  if (maxConcurrentRunsPerTenant === undefined && maxConcurrentRunsPerWorkflow === undefined) {
    return undefined;
  }
  return createRedisConcurrencyGate({
    connection: options.connection,
    limits: { maxConcurrentRunsPerTenant, maxConcurrentRunsPerWorkflow },
    prefix: `flowloom:${options.queueName}:gate`,
    // A dead worker's slots come back as its runs' leases do.
    slotTtlMs: options.leaseMs,
  });
}
