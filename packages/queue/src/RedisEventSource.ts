import {
  type ExecutionEvent,
  type ExecutionEventListener,
  ExecutionEventSchema,
} from '@flowloom/core';
import type { Redis } from 'ioredis';

/**
 * Live execution events from every worker, over one Redis channel, handed to the listeners of
 * each instance in `seq` order (one publisher per run, one connection: Redis keeps the order).
 *
 * @remarks One channel for all instances, subscribed once at start: a listener added later is
 * live at once, with no per-instance `SUBSCRIBE` round trip during which an event could pass
 * unseen between the hub's history read and the subscription. Each API server reads every
 * event of the cluster; per-instance channels would trade that for such a race.
 */
export class RedisEventSource {
  private readonly listeners = new Map<string, Set<ExecutionEventListener>>();
  /** Settles once the channel is subscribed: events published from then on arrive. */
  readonly ready: Promise<void>;

  constructor(
    subscriber: Redis,
    channel: string,
    private readonly report: (message: string) => void,
  ) {
    subscriber.on('message', (from: string, message: string) => {
      if (from === channel) this.deliver(message);
    });
    this.ready = subscriber.subscribe(channel).then(() => undefined);
  }

  /** Calls `listener` with each new event of one instance; returns the unsubscribe. */
  subscribe(instanceId: string, listener: ExecutionEventListener): () => void {
    let set = this.listeners.get(instanceId);
    if (!set) {
      set = new Set();
      this.listeners.set(instanceId, set);
    }
    set.add(listener);
    return () => {
      const current = this.listeners.get(instanceId);
      if (!current?.delete(listener)) return;
      if (current.size === 0) this.listeners.delete(instanceId);
    };
  }

  private deliver(message: string): void {
    // Most events have no listener here: look at the id before parsing the whole event.
    const instanceId = instanceIdOf(message);
    if (instanceId === undefined || !this.listeners.has(instanceId)) return;
    let event: ExecutionEvent;
    try {
      event = ExecutionEventSchema.parse(JSON.parse(message));
    } catch {
      this.report(`[flowloom] Dropped a malformed event message for ${instanceId}`);
      return;
    }
    for (const listener of [...(this.listeners.get(instanceId) ?? [])]) {
      try {
        listener(event);
      } catch (error) {
        this.report(`[flowloom] An event listener threw: ${(error as Error).message}`);
      }
    }
  }
}

/** The `instance_id` a published event names (workers publish it first), without a full parse. */
function instanceIdOf(message: string): string | undefined {
  const match = /^\{"instance_id":("(?:[^"\\]|\\.)*")/.exec(message);
  if (!match?.[1]) return undefined;
  try {
    return JSON.parse(match[1]) as string;
  } catch {
    return undefined;
  }
}

/** The message a worker publishes for an event: its `instance_id` first, for the quick look. */
export function encodeEventMessage(event: ExecutionEvent): string {
  const { instance_id, ...rest } = event;
  return JSON.stringify({ instance_id, ...rest });
}
