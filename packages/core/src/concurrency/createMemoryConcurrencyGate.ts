import type {
  ConcurrencyKeys,
  ConcurrencyLimits,
  ReleaseSlot,
  RunConcurrencyGate,
} from './runConcurrencyGate';

/** A key with a limit, as the gate counts it (`tenant:<id>`, `workflow:<id>`). */
interface LimitedKey {
  name: string;
  limit: number;
}

/** A run waiting for its slots. */
interface Waiter {
  keys: readonly LimitedKey[];
  admit(release: ReleaseSlot): void;
}

const released: ReleaseSlot = async () => {};

/**
 * The in-process {@link RunConcurrencyGate}: counts the runs of this process only (the engine's
 * default when `limits.maxConcurrentRunsPerTenant` or `maxConcurrentRunsPerWorkflow` is set).
 * Waiting runs are admitted in the order they asked, a run that needs several keys once it is
 * first in line for each and each has a slot free.
 *
 * @example
 * const gate = createMemoryConcurrencyGate({ maxConcurrentRunsPerTenant: 2 });
 * const release = await gate.acquire({ tenant_id: 't1' }, 'inst_1');
 * await release();
 */
export function createMemoryConcurrencyGate(limits: ConcurrencyLimits): RunConcurrencyGate {
  const active = new Map<string, number>();
  const queues = new Map<string, Waiter[]>();
  /** Every waiter, in the order it asked: admitting in this order keeps each key's FIFO. */
  const waiting: Waiter[] = [];

  const limitedKeys = (keys: ConcurrencyKeys): LimitedKey[] => {
    const limited: LimitedKey[] = [];
    const { maxConcurrentRunsPerTenant: perTenant, maxConcurrentRunsPerWorkflow: perWorkflow } =
      limits;
    if (keys.tenant_id !== undefined && perTenant !== undefined) {
      limited.push({ name: `tenant:${keys.tenant_id}`, limit: perTenant });
    }
    if (keys.workflow_id !== undefined && perWorkflow !== undefined) {
      limited.push({ name: `workflow:${keys.workflow_id}`, limit: perWorkflow });
    }
    return limited;
  };

  const isFull = (key: LimitedKey) => (active.get(key.name) ?? 0) >= key.limit;

  const take = (keys: readonly LimitedKey[]): ReleaseSlot => {
    for (const key of keys) active.set(key.name, (active.get(key.name) ?? 0) + 1);
    let done = false;
    return async () => {
      if (done) return;
      done = true;
      for (const key of keys) {
        const left = (active.get(key.name) ?? 1) - 1;
        if (left > 0) active.set(key.name, left);
        else active.delete(key.name);
      }
      admitWaiting();
    };
  };

  const leave = (waiter: Waiter) => {
    waiting.splice(waiting.indexOf(waiter), 1);
    for (const key of waiter.keys) {
      const queue = queues.get(key.name)!;
      queue.splice(queue.indexOf(waiter), 1);
      if (queue.length === 0) queues.delete(key.name);
    }
  };

  /** One pass in arrival order: a waiter passed over is blocked by an earlier one or a full key. */
  const admitWaiting = () => {
    for (const waiter of [...waiting]) {
      const ready = waiter.keys.every(
        (key) => queues.get(key.name)?.[0] === waiter && !isFull(key),
      );
      if (!ready) continue;
      leave(waiter);
      waiter.admit(take(waiter.keys));
    }
  };

  const mustWait = (keys: readonly LimitedKey[]) =>
    keys.some((key) => isFull(key) || (queues.get(key.name)?.length ?? 0) > 0);

  return {
    async wouldWait(keys) {
      return mustWait(limitedKeys(keys));
    },
    acquire(keys, _instanceId, signal) {
      if (signal?.aborted) return Promise.reject(signal.reason);
      const limited = limitedKeys(keys);
      if (limited.length === 0) return Promise.resolve(released);
      if (!mustWait(limited)) return Promise.resolve(take(limited));
      return new Promise<ReleaseSlot>((resolve, reject) => {
        const onAbort = () => {
          leave(waiter);
          // Its place in line is gone: whoever was behind it may go now.
          admitWaiting();
          reject(signal!.reason);
        };
        const waiter: Waiter = {
          keys: limited,
          admit(release) {
            signal?.removeEventListener('abort', onAbort);
            resolve(release);
          },
        };
        waiting.push(waiter);
        for (const key of limited) {
          const queue = queues.get(key.name);
          if (queue) queue.push(waiter);
          else queues.set(key.name, [waiter]);
        }
        signal?.addEventListener('abort', onAbort, { once: true });
      });
    },
  };
}
