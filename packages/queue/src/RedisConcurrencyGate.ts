import { randomUUID } from 'node:crypto';
import {
  type ConcurrencyKeys,
  type ConcurrencyLimits,
  ErrorCode,
  FlowloomError,
  type ReleaseSlot,
  type RunConcurrencyGate,
} from '@flowloom/core';
import type { Redis } from 'ioredis';
import { closeRedis, openRedis, type RedisConnection } from './redisConnection';
import { ACQUIRE, RELEASE, RENEW, WOULD_WAIT } from './redisGateScripts';

/** Options of {@link createRedisConcurrencyGate}. */
export interface RedisConcurrencyGateOptions {
  /** Where Redis is: a URL or ioredis options (the gate opens two connections of its own). */
  connection: RedisConnection;
  /** `maxConcurrentRunsPerTenant` / `maxConcurrentRunsPerWorkflow`; one left out is unlimited. */
  limits: ConcurrencyLimits;
  /**
   * What the gate's Redis keys and channel start with. Gates share slots only under one prefix.
   * @default 'flowloom:gate'
   */
  prefix?: string;
  /**
   * How long a slot (or a place in line) lasts unless renewed, in milliseconds; the gate renews
   * its own every third of it. A process that dies gives its slots back after at most this long.
   * @default 30000
   */
  slotTtlMs?: number;
  /**
   * How often a waiting run looks again without being told a slot freed, in milliseconds: what
   * notices a holder that expired (a released slot is announced at once).
   * @default 1000
   */
  pollMs?: number;
}

/** A {@link RunConcurrencyGate} on Redis, shared by every process that uses the same prefix. */
export interface RedisConcurrencyGate extends RunConcurrencyGate {
  /**
   * Stops renewing and closes the gate's connections; waits still pending reject with
   * `SHUTTING_DOWN`. Slots still held are not released: they expire after `slotTtlMs`. Close the
   * engine first, so its runs give their slots back.
   */
  close(): Promise<void>;
}

/** The scripts, as ioredis commands. */
interface GateCommands {
  flowloomGateAcquire(...args: Array<string | number>): Promise<number>;
  flowloomGateWouldWait(...args: Array<string | number>): Promise<number>;
  flowloomGateRelease(...args: Array<string | number>): Promise<number>;
  flowloomGateRenew(...args: Array<string | number>): Promise<number>;
}

/** A limited key and its limit. */
interface Slot {
  name: string;
  limit: number;
}

const released: ReleaseSlot = async () => {};

/**
 * A concurrency gate across processes on Redis: `limits.maxConcurrentRunsPerTenant` and
 * `maxConcurrentRunsPerWorkflow` hold over every worker. Slots are taken first come, first
 * served (a ticket per waiting run), each in one atomic Lua script; a holder renews its slots
 * while it runs, so a process that dies frees them after `slotTtlMs`. A released slot is
 * announced over pub/sub, so the next run in line starts at once.
 *
 * @example
 * const gate = createRedisConcurrencyGate({
 *   connection: process.env.REDIS_URL!,
 *   limits: { maxConcurrentRunsPerTenant: 2 },
 * });
 * const engine = new ExecutionEngine({ store, concurrencyGate: gate });
 */
export function createRedisConcurrencyGate(
  options: RedisConcurrencyGateOptions,
): RedisConcurrencyGate {
  const { connection, limits } = options;
  const prefix = options.prefix ?? 'flowloom:gate';
  const ttl = options.slotTtlMs ?? 30_000;
  const pollMs = options.pollMs ?? 1_000;
  // One hash tag: a Redis Cluster keeps every key of the gate in one slot, as the scripts need.
  const base = `{${prefix}}`;
  const channel = `${prefix}:released`;
  const redis = openRedis(connection, 'flowloom-gate') as Redis & GateCommands;
  redis.defineCommand('flowloomGateAcquire', { lua: ACQUIRE });
  redis.defineCommand('flowloomGateWouldWait', { lua: WOULD_WAIT });
  redis.defineCommand('flowloomGateRelease', { lua: RELEASE });
  redis.defineCommand('flowloomGateRenew', { lua: RENEW });
  let subscriber: Promise<Redis> | undefined;
  let closed = false;
  /** Tokens this process holds or waits with, and their keys: what the renewal extends. */
  const live = new Map<string, string[]>();
  /** Waiting runs' wake-ups: a slot was released somewhere, or the gate closes. */
  const wakes = new Set<() => void>();
  /** Counts announcements: a wait that began after one it missed looks again at once. */
  let announced = 0;

  const renewal = setInterval(
    () => {
      for (const [token, keys] of live) {
        void redis.flowloomGateRenew(keys.length, ...keys, token, ttl).catch(() => {});
      }
    },
    Math.max(10, Math.floor(ttl / 3)),
  );
  renewal.unref?.();

  const wakeAll = () => {
    announced += 1;
    for (const wake of [...wakes]) wake();
  };

  const subscribe = (): Promise<Redis> => {
    subscriber ??= (async () => {
      const sub = openRedis(connection, 'flowloom-gate-events');
      sub.on('message', wakeAll);
      await sub.subscribe(channel);
      return sub;
    })();
    return subscriber;
  };

  const slotsOf = (keys: ConcurrencyKeys): Slot[] => {
    const slots: Slot[] = [];
    const { maxConcurrentRunsPerTenant: perTenant, maxConcurrentRunsPerWorkflow: perWorkflow } =
      limits;
    if (keys.tenant_id !== undefined && perTenant !== undefined) {
      slots.push({ name: `tenant:${keys.tenant_id}`, limit: perTenant });
    }
    if (keys.workflow_id !== undefined && perWorkflow !== undefined) {
      slots.push({ name: `workflow:${keys.workflow_id}`, limit: perWorkflow });
    }
    return slots;
  };

  /** `KEYS` of the scripts: the ticket counter, then holders, line and liveness per slot. */
  const keysOf = (slots: readonly Slot[]): string[] => [
    `${base}:ticket`,
    ...slots.flatMap(({ name }) => [
      `${base}:${name}:holders`,
      `${base}:${name}:line`,
      `${base}:${name}:alive`,
    ]),
  ];

  const closedError = () =>
    new FlowloomError(ErrorCode.SHUTTING_DOWN, 'The concurrency gate is closed');

  /** Resolves on the next announcement or after `pollMs`; rejects when `signal` aborts. */
  const nextChance = (signal: AbortSignal | undefined) =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) {
        reject(signal.reason);
        return;
      }
      const done = () => {
        clearTimeout(timer);
        wakes.delete(done);
        signal?.removeEventListener('abort', onAbort);
        if (closed) reject(closedError());
        else resolve();
      };
      const onAbort = () => {
        clearTimeout(timer);
        wakes.delete(done);
        reject(signal!.reason);
      };
      const timer = setTimeout(done, pollMs);
      wakes.add(done);
      signal?.addEventListener('abort', onAbort, { once: true });
    });

  const release = (keys: string[], token: string) =>
    redis.flowloomGateRelease(keys.length, ...keys, token, ttl, channel).then(() => {});

  return {
    async wouldWait(keys) {
      const slots = slotsOf(keys);
      if (slots.length === 0) return false;
      const redisKeys = keysOf(slots);
      const limitArgs = slots.map((slot) => slot.limit);
      return (
        (await redis.flowloomGateWouldWait(
          redisKeys.length,
          ...redisKeys,
          '',
          ttl,
          ...limitArgs,
        )) === 1
      );
    },

    async acquire(keys, instanceId, signal) {
      if (closed) throw closedError();
      if (signal?.aborted) throw signal.reason;
      const slots = slotsOf(keys);
      if (slots.length === 0) return released;
      const redisKeys = keysOf(slots);
      const limitArgs = slots.map((slot) => slot.limit);
      const token = `${instanceId}:${randomUUID()}`;
      live.set(token, redisKeys);
      const tryTake = async () =>
        (await redis.flowloomGateAcquire(
          redisKeys.length,
          ...redisKeys,
          token,
          ttl,
          '1',
          ...limitArgs,
        )) === 1;
      try {
        let subscribed = false;
        for (;;) {
          if (closed) throw closedError();
          if (signal?.aborted) throw signal.reason;
          const seen = announced;
          if (await tryTake()) break;
          if (!subscribed) {
            // Look again once subscribed: a release in between would go unheard.
            await subscribe();
            subscribed = true;
            continue;
          }
          // A release announced while it looked: look again at once.
          if (announced === seen) await nextChance(signal);
        }
        // Abandoned while the slot was being taken: give it straight back.
        if (signal?.aborted) throw signal.reason;
      } catch (thrown) {
        live.delete(token);
        await release(redisKeys, token).catch(() => {});
        throw thrown;
      }
      let done = false;
      return async () => {
        if (done) return;
        done = true;
        live.delete(token);
        await release(redisKeys, token);
      };
    },

    async close() {
      if (closed) return;
      closed = true;
      clearInterval(renewal);
      live.clear();
      for (const wake of [...wakes]) wake();
      const sub = subscriber ? await subscriber.catch(() => undefined) : undefined;
      await Promise.all([closeRedis(redis), sub ? closeRedis(sub) : undefined]);
    },
  };
}
