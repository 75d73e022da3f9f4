import {
  type CredentialResolver,
  ErrorCode,
  type ExecutionEngine,
  FlowloomError,
  invalidWorkflowError,
  nextCronRun,
  type RunOwner,
  type SavedWorkflow,
  type StartedRun,
  toFlowloomError,
  validateWorkflow,
  type WorkflowRunner,
} from '@flowloom/core';
import type { ErrorReporter } from '../http/errorResponse';
import type { TriggerInfo } from '../http/triggerSchemas';
import { ActiveVersions, type VersionTriggers } from './ActiveVersions';
import { CronScheduler, type ScheduledTick } from './CronScheduler';
import { checkWebhookAuth, type WebhookAuthResult } from './checkWebhookAuth';
import { readTriggers, type WebhookTrigger } from './readTriggers';
import type { ScheduleClock } from './ScheduleClock';
import type { TickClaim } from './TickClaim';

/** Options of {@link WorkflowTriggers}. */
export interface WorkflowTriggersOptions {
  engine: ExecutionEngine;
  /** What starts the triggered runs. */
  runner: WorkflowRunner;
  basePath: string;
  /** The origin webhook URLs are shown under; the request's own when absent. */
  publicUrl: string | undefined;
  logger: ErrorReporter & { warn(message: string): void };
  clock: ScheduleClock;
  tickClaim: TickClaim;
  /** Whether this process fires schedules. */
  schedules: boolean;
  /** How often the armed schedules are brought in line with the store's activations. */
  syncIntervalMs: number;
  /** Reads the credentials authenticated webhooks check; none without a `credentialsKey`. */
  credentials: CredentialResolver | undefined;
}

/** What the activation route answers. */
export interface ActivationAnswer {
  workflow_id: string;
  active: true;
  version: number;
  triggers: TriggerInfo[];
}

/**
 * The server's triggers: activation (stored, so it survives restarts), the schedules this
 * process fires, and the lookup of the webhooks an active workflow listens to. Every process
 * sharing a store reads activations from it: a webhook reaches whichever process gets the
 * request, and each process brings its schedules in line with the store every
 * `syncIntervalMs` (at once for the changes it makes itself).
 */
export class WorkflowTriggers {
  private readonly versions: ActiveVersions;
  private readonly scheduler: CronScheduler | undefined;
  /** The version each active workflow's schedules were last armed from (none included). */
  private readonly synced = new Map<string, number>();
  /** Counts the changes this process makes; a sync leaves alone what changed while it read. */
  private changes = 0;
  /** The change count of the latest change to each workflow made here. */
  private readonly changedAt = new Map<string, number>();
  private syncTimer: unknown;
  private closed = false;
  /** The schedule ticks starting a run now, by workflow: what deactivation waits for. */
  private readonly ticksInFlight = new Map<string, Set<Promise<unknown>>>();

  constructor(private readonly options: WorkflowTriggersOptions) {
    this.versions = new ActiveVersions(
      options.engine.store,
      options.engine.registry,
      options.engine.limits,
    );
    this.scheduler = options.schedules
      ? new CronScheduler({
          clock: options.clock,
          claim: options.tickClaim,
          onTick: (tick) => this.fireTick(tick),
          onError: (error, tick) => this.tickFailed(error, tick),
        })
      : undefined;
  }

  /**
   * Activates a workflow at its latest saved version, which must validate, have a webhook or
   * schedule trigger and no schedule firing more often than `limits.minScheduleIntervalMs`, and
   * arms its schedules.
   *
   * @throws FlowloomError `INVALID_WORKFLOW` (400, every issue), `NO_TRIGGER` (400).
   */
  async activate(workflow: SavedWorkflow, origin: string): Promise<ActivationAnswer> {
    const { engine } = this.options;
    const validation = validateWorkflow(workflow.workflow_data, engine.registry, {
      limits: engine.limits,
    });
    const entry = this.versions.add(
      workflow,
      readTriggers(workflow.workflow_data, engine.registry, engine.limits),
    );
    const { triggers } = entry;
    if (!validation.valid || triggers.issues.length > 0) {
      const invalid = invalidWorkflowError(validation.errors, 'workflow_data');
      throw new FlowloomError(
        ErrorCode.INVALID_WORKFLOW,
        `The workflow can't be activated: ${[...invalid.issues, ...triggers.issues].map((issue) => issue.message).join('; ')}`,
        { issues: [...invalid.issues, ...triggers.issues] },
      );
    }
    if (triggers.webhooks.length === 0 && triggers.schedules.length === 0) {
      throw new FlowloomError(
        ErrorCode.NO_TRIGGER,
        'The workflow has no webhook or schedule trigger: nothing would start it once active',
        { issues: [{ path: 'workflow_data', message: 'Add a webhook or schedule trigger' }] },
      );
    }
    const activation = await engine.store.activateWorkflow(workflow.workflow_id, workflow.version);
    this.arm(entry);
    return {
      workflow_id: workflow.workflow_id,
      active: true,
      version: activation.active_version,
      triggers: this.describeTriggers(entry, origin),
    };
  }

  /**
   * Deactivates a workflow: its webhooks answer 404 and its schedules stop. Resolves once the
   * ticks this process had in flight for it have settled: a tick that read the activation just
   * before has started its run by then, and none starts one after.
   */
  async deactivate(workflowId: string): Promise<void> {
    await this.options.engine.store.deactivateWorkflow(workflowId);
    this.forget(workflowId);
    await this.settled(workflowId);
  }

  /**
   * Resolves once the schedule ticks of a workflow in flight now (past their timer, starting a
   * run) have started it or failed. A tick that starts later reads the activation afresh.
   */
  async settled(workflowId: string): Promise<void> {
    const ticks = this.ticksInFlight.get(workflowId);
    if (ticks) await Promise.allSettled([...ticks]);
  }

  /** Disarms what this process armed for a workflow (deleted or deactivated). */
  forget(workflowId: string): void {
    this.scheduler?.unschedule(workflowId);
    this.synced.delete(workflowId);
    this.changedAt.set(workflowId, ++this.changes);
  }

  /**
   * After a save: an active workflow moves to the saved version when it is valid and keeps a
   * trigger; otherwise its previous valid version keeps running. Returns the activation for the
   * save answer, `undefined` for an inactive workflow.
   */
  async afterSave(
    saved: SavedWorkflow,
    valid: boolean,
  ): Promise<{ active: true; active_version: number } | undefined> {
    const { store, registry, limits } = this.options.engine;
    const current = await store.getActivation(saved.workflow_id);
    if (!current) return undefined;
    let activation = current;
    if (valid) {
      const entry = this.versions.add(saved, readTriggers(saved.workflow_data, registry, limits));
      const { issues, webhooks, schedules } = entry.triggers;
      if (issues.length === 0 && webhooks.length + schedules.length > 0) {
        activation = (await store.switchActiveVersion(saved.workflow_id, saved.version)) ?? current;
        if (activation.active_version === saved.version) this.arm(entry);
      }
    }
    return { active: true, active_version: activation.active_version };
  }

  /** A workflow's activation and armed triggers, for `GET /workflows/{id}`. */
  async describe(
    workflowId: string,
    origin: string,
  ): Promise<{ active: boolean; active_version: number | null; triggers: TriggerInfo[] }> {
    const entry = await this.versions.active(workflowId);
    if (!entry) return { active: false, active_version: null, triggers: [] };
    return {
      active: true,
      active_version: entry.workflow.version,
      triggers: this.describeTriggers(entry, origin),
    };
  }

  /** The active version of a workflow and its webhooks listening at `path`; none when inactive. */
  async webhooksAt(
    workflowId: string,
    path: string,
  ): Promise<{ version: VersionTriggers; webhooks: WebhookTrigger[] } | undefined> {
    const version = await this.versions.active(workflowId);
    if (!version) return undefined;
    const webhooks = version.triggers.webhooks.filter((webhook) => webhook.path === path);
    return webhooks.length > 0 ? { version, webhooks } : undefined;
  }

  /**
   * Checks a webhook request against its trigger's `auth`, as the workflow's owner.
   *
   * @throws FlowloomError `UNAUTHENTICATED` (401), `NOT_CONFIGURED` (501).
   */
  checkAuth(
    webhook: WebhookTrigger,
    request: Request,
    body: Uint8Array,
    owner: RunOwner,
  ): Promise<WebhookAuthResult> {
    return checkWebhookAuth(webhook, request, body, {
      credentials: this.options.credentials,
      owner,
      log: (message) => this.options.logger.warn(message),
    });
  }

  /** `server.trigger`: the runner's `trigger`, with the engine's checks. */
  trigger(
    workflowId: string,
    stepId: string,
    runInput?: Record<string, unknown>,
  ): Promise<StartedRun> {
    return this.options.runner.trigger(workflowId, stepId, runInput);
  }

  /**
   * Arms the schedules of every active workflow (at start), then keeps them in line with the
   * store every `syncIntervalMs`. Resolves with how many active workflows it found.
   */
  start(): Promise<number> {
    this.scheduleSync();
    // In the background, once the host's synchronous set-up (mounting the server) is done.
    return Promise.resolve().then(() => this.sync());
  }

  /** Stops every timer; nothing fires after it. */
  close(): void {
    this.closed = true;
    this.options.clock.clearTimer(this.syncTimer);
    this.scheduler?.stop();
  }

  /** Brings the armed schedules in line with the store's activations; returns how many there are. */
  async sync(): Promise<number> {
    const readAt = this.changes;
    const activations = await this.options.engine.store.listActivations();
    if (this.closed || !this.scheduler) return activations.length;
    // What this process changed while the list was read is newer than the list.
    const changedSince = (workflowId: string) => (this.changedAt.get(workflowId) ?? 0) > readAt;
    const wanted = new Map(activations.map((a) => [a.workflow_id, a.active_version]));
    for (const workflowId of this.synced.keys()) {
      if (!wanted.has(workflowId) && !changedSince(workflowId)) this.forget(workflowId);
    }
    for (const [workflowId, version] of wanted) {
      if (this.synced.get(workflowId) === version || changedSince(workflowId)) continue;
      try {
        const entry = await this.versions.version(workflowId, version);
        if (entry && !this.closed && !changedSince(workflowId)) this.arm(entry);
      } catch (error) {
        this.options.logger.error(
          `[flowloom] Arming the triggers of "${workflowId}" failed`,
          error,
        );
      }
    }
    for (const [workflowId, at] of this.changedAt) {
      if (at <= readAt) this.changedAt.delete(workflowId);
    }
    return activations.length;
  }

  private scheduleSync(): void {
    if (this.closed || !this.scheduler) return;
    this.syncTimer = this.options.clock.setTimer(() => {
      this.sync()
        .catch((error: unknown) => {
          this.options.logger.error('[flowloom] Reading the active workflows failed', error);
        })
        .finally(() => this.scheduleSync());
    }, this.options.syncIntervalMs);
  }

  private arm(entry: VersionTriggers): void {
    if (this.closed) return;
    const { workflow_id, version } = entry.workflow;
    this.scheduler?.schedule(workflow_id, version, entry.triggers.schedules);
    this.synced.set(workflow_id, version);
    this.changedAt.set(workflow_id, ++this.changes);
  }

  private async fireTick(tick: ScheduledTick): Promise<void> {
    const { scheduled_at, fired_at } = tick;
    const started = this.trigger(tick.workflow_id, tick.step_id, { scheduled_at, fired_at });
    let ticks = this.ticksInFlight.get(tick.workflow_id);
    if (!ticks) {
      ticks = new Set();
      this.ticksInFlight.set(tick.workflow_id, ticks);
    }
    ticks.add(started);
    try {
      await started;
    } finally {
      ticks.delete(started);
      if (ticks.size === 0 && this.ticksInFlight.get(tick.workflow_id) === ticks) {
        this.ticksInFlight.delete(tick.workflow_id);
      }
    }
  }

  private tickFailed(thrown: unknown, tick: ScheduledTick): void {
    const error = toFlowloomError(thrown);
    const where = `"${tick.step_id}" of "${tick.workflow_id}" at ${tick.scheduled_at}`;
    if (error.code === ErrorCode.WORKFLOW_INACTIVE || error.code === ErrorCode.NOT_FOUND) {
      // Deactivated, deleted or changed by another process: follow the store.
      this.forget(tick.workflow_id);
      void this.sync().catch(() => undefined);
      return;
    }
    this.options.logger.warn(`[flowloom] The schedule ${where} started no run: ${error.message}`);
  }

  private describeTriggers(entry: VersionTriggers, origin: string): TriggerInfo[] {
    const { workflow_id } = entry.workflow;
    const base = `${this.options.publicUrl ?? origin}${this.options.basePath}/webhooks/${encodeURIComponent(workflow_id)}`;
    const now = new Date(this.options.clock.now());
    return [
      ...entry.triggers.webhooks.map((webhook) => ({
        step_id: webhook.step_id,
        type: 'webhook',
        method: webhook.method,
        webhook_url: `${base}${webhook.path}`,
      })),
      ...entry.triggers.schedules.map((schedule) => {
        const next =
          this.scheduler?.nextRunAt(workflow_id, schedule.step_id) ??
          nextCronRun(schedule.cron, schedule.timezone, now)?.toISOString();
        return {
          step_id: schedule.step_id,
          type: 'schedule',
          ...(next === undefined ? {} : { next_run_at: next }),
        };
      }),
    ];
  }
}
