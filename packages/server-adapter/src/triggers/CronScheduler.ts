import { nextCronRun } from '@flowloom/core';
import type { ScheduleTrigger } from './readTriggers';
import type { ScheduleClock } from './ScheduleClock';
import type { TickClaim } from './TickClaim';

/** One tick a schedule fires: the run input of the run it starts, plus where it comes from. */
export interface ScheduledTick {
  workflow_id: string;
  step_id: string;
  /** ISO time the tick was due. */
  scheduled_at: string;
  /** ISO time it fired (a few milliseconds later, or more on a busy process). */
  fired_at: string;
}

/** Options of {@link CronScheduler}. */
export interface CronSchedulerOptions {
  clock: ScheduleClock;
  claim: TickClaim;
  /** Starts the run of a tick; a rejection goes to `onError`. */
  onTick(tick: ScheduledTick): Promise<void>;
  onError(error: unknown, tick: ScheduledTick): void;
}

/** The longest single timer: a far tick is reached in steps, so the clock is asked again. */
const MAX_TIMER_MS = 60 * 60 * 1000;

interface Armed {
  readonly workflowId: string;
  readonly version: number;
  readonly trigger: ScheduleTrigger;
  /** The next tick, `null` when the expression matches no later time. */
  next: Date | null;
  timer: unknown;
}

/**
 * Fires the schedule triggers of active workflows: one timer per schedule, set for its next
 * tick. At a tick it asks the {@link TickClaim}, then calls `onTick`; the next timer is set
 * first, from the time it is now, so ticks missed while the process was busy or down are not
 * fired afterwards.
 */
export class CronScheduler {
  /** Armed schedules by workflow id, then step id. */
  private readonly workflows = new Map<string, Map<string, Armed>>();
  private stopped = false;

  constructor(private readonly options: CronSchedulerOptions) {}

  /**
   * Arms a workflow's schedules of one version, replacing those it had. An empty list disarms
   * it.
   */
  schedule(workflowId: string, version: number, triggers: readonly ScheduleTrigger[]): void {
    this.unschedule(workflowId);
    if (this.stopped || triggers.length === 0) return;
    const armed = new Map<string, Armed>();
    this.workflows.set(workflowId, armed);
    for (const trigger of triggers) {
      const entry: Armed = { workflowId, version, trigger, next: null, timer: undefined };
      armed.set(trigger.step_id, entry);
      entry.next = this.nextAfter(entry, this.options.clock.now());
      this.setTimer(entry);
    }
  }

  /** Disarms a workflow's schedules. */
  unschedule(workflowId: string): void {
    const armed = this.workflows.get(workflowId);
    if (!armed) return;
    this.workflows.delete(workflowId);
    for (const entry of armed.values()) this.options.clock.clearTimer(entry.timer);
  }

  /** The version whose schedules a workflow has armed, if any. */
  armedVersion(workflowId: string): number | undefined {
    return this.workflows.get(workflowId)?.values().next().value?.version;
  }

  /** The ids of the workflows with armed schedules. */
  armedWorkflows(): string[] {
    return [...this.workflows.keys()];
  }

  /** When a workflow's armed schedule step fires next, as ISO time; `undefined` when unarmed. */
  nextRunAt(workflowId: string, stepId: string): string | undefined {
    return this.workflows.get(workflowId)?.get(stepId)?.next?.toISOString();
  }

  /** Disarms everything for good. */
  stop(): void {
    this.stopped = true;
    for (const workflowId of [...this.workflows.keys()]) this.unschedule(workflowId);
  }

  private nextAfter(entry: Armed, time: number): Date | null {
    return nextCronRun(entry.trigger.cron, entry.trigger.timezone, new Date(time));
  }

  private setTimer(entry: Armed): void {
    if (!entry.next) return;
    const delay = Math.min(
      MAX_TIMER_MS,
      Math.max(0, entry.next.getTime() - this.options.clock.now()),
    );
    entry.timer = this.options.clock.setTimer(() => this.onTimer(entry), delay);
  }

  private onTimer(entry: Armed): void {
    // A schedule replaced or disarmed since its timer was set fires nothing.
    if (this.workflows.get(entry.workflowId)?.get(entry.trigger.step_id) !== entry) return;
    const due = entry.next;
    if (!due) return;
    const now = this.options.clock.now();
    if (now < due.getTime()) {
      this.setTimer(entry);
      return;
    }
    entry.next = this.nextAfter(entry, Math.max(now, due.getTime()));
    this.setTimer(entry);
    const tick: ScheduledTick = {
      workflow_id: entry.workflowId,
      step_id: entry.trigger.step_id,
      scheduled_at: due.toISOString(),
      fired_at: new Date(now).toISOString(),
    };
    void this.fire(tick, due);
  }

  private async fire(tick: ScheduledTick, due: Date): Promise<void> {
    try {
      if (!(await this.options.claim.claim(tick.workflow_id, tick.step_id, due))) return;
      await this.options.onTick(tick);
    } catch (error) {
      this.options.onError(error, tick);
    }
  }
}
