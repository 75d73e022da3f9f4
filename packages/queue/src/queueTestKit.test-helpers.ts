import { randomUUID } from 'node:crypto';
import type { WorkflowDataInput } from '@flowloom/core';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';

/** The Redis the queue tests use; unset: they are skipped, saying so. */
export const redisUrl = process.env.REDIS_URL;

/** A queue name of its own per test, so parallel runs never share jobs. */
export function testQueueName(): string {
  return `flowloom-test-${randomUUID().slice(0, 8)}`;
}

/** Deletes a test queue's jobs and keys, BullMQ's and Flowloom's. */
export async function dropQueue(url: string, queueName: string): Promise<void> {
  const queue = new Queue(queueName, { connection: { url } });
  await queue.obliterate({ force: true }).catch(() => undefined);
  await queue.close();
  const redis = new Redis(url);
  const keys = await redis.keys(`flowloom:${queueName}:*`);
  if (keys.length > 0) await redis.del(...keys);
  await redis.quit();
}

/** manual_trigger → delay(ms) × `steps`: a run that lasts about `steps × ms`. */
export function delayChain(steps: number, ms: number): WorkflowDataInput {
  const nodes = [{ id: 'start', type: 'manual_trigger' }];
  const edges = [];
  for (let index = 1; index <= steps; index += 1) {
    nodes.push({ id: `step${index}`, type: 'delay', data: { parameters: { ms } } } as never);
    edges.push({
      id: `e${index}`,
      source: index === 1 ? 'start' : `step${index - 1}`,
      target: `step${index}`,
    });
  }
  return { nodes, edges };
}

/** Resolves once `check` holds, polling; rejects after `timeoutMs`. */
export async function eventually<T>(
  check: () => Promise<T | undefined | false>,
  timeoutMs = 10_000,
  everyMs = 50,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > until) throw new Error(`Not so within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
