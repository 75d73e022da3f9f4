import type { WorkflowDataInput } from '@flowloom/core';
import type { ScheduleClock } from './ScheduleClock';

/**
 * A clock the test moves by hand: `advance` fires the timers that fall due, in time order,
 * letting the work each starts run before the next.
 */
export class ManualClock implements ScheduleClock {
  private time: number;
  private nextId = 0;
  private readonly timers = new Map<number, { at: number; callback: () => void }>();

  constructor(start: string) {
    this.time = Date.parse(start);
  }

  now(): number {
    return this.time;
  }

  setTimer(callback: () => void, ms: number): unknown {
    const id = ++this.nextId;
    this.timers.set(id, { at: this.time + ms, callback });
    return id;
  }

  clearTimer(handle: unknown): void {
    this.timers.delete(handle as number);
  }

  /** How many timers are set. */
  get pending(): number {
    return this.timers.size;
  }

  /** Moves the time forward by `ms`, firing each timer at its own time. */
  async advance(ms: number): Promise<void> {
    const end = this.time + ms;
    for (;;) {
      let due: [number, { at: number; callback: () => void }] | undefined;
      for (const entry of this.timers) {
        if (entry[1].at <= end && (!due || entry[1].at < due[1].at)) due = entry;
      }
      if (!due) break;
      this.timers.delete(due[0]);
      this.time = Math.max(this.time, due[1].at);
      due[1].callback();
      await settle();
    }
    this.time = end;
    await settle();
  }

  /** Moves the time to an ISO time, firing the timers due on the way. */
  advanceTo(iso: string): Promise<void> {
    return this.advance(Date.parse(iso) - this.time);
  }
}

/** Lets pending promise chains (a tick's claim, its run starting) move on. */
export async function settle(): Promise<void> {
  for (let round = 0; round < 5; round += 1) {
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** A webhook trigger with `parameters` → a transform reading the request. */
export function webhookWorkflow(parameters: Record<string, unknown> = {}): WorkflowDataInput {
  return {
    nodes: [
      {
        id: 'hook',
        type: 'webhook_trigger',
        data: { parameters: { path: '/orders', ...parameters } },
      },
      {
        id: 'shape',
        type: 'transform',
        data: {
          parameters: {
            mapping: { order: '{{ input.body.id }}', method: '{{ steps.hook.method }}' },
          },
        },
      },
    ],
    edges: [{ id: 'hook-shape', source: 'hook', target: 'shape' }],
  };
}

/** A schedule trigger on `cron` → a log line. */
export function scheduleWorkflow(cron: string, timezone = 'UTC'): WorkflowDataInput {
  return {
    nodes: [
      { id: 'tick', type: 'schedule_trigger', data: { parameters: { cron, timezone } } },
      {
        id: 'say',
        type: 'log',
        data: { parameters: { message: 'tick {{ input.scheduled_at }}' } },
      },
    ],
    edges: [{ id: 'tick-say', source: 'tick', target: 'say' }],
  };
}
