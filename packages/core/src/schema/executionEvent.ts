import { z } from 'zod';
import { LogLevelSchema } from './logEntry';
import { ErrorInfoSchema } from './status';

const ErrorDataSchema = z.object({ code: z.string(), message: z.string() });

/**
 * The payload of each event type. The one table the emitter, the store, the WebSocket messages
 * and the React panel are typed from.
 */
export const ExecutionEventDataSchemas = {
  /**
   * The run must wait for a concurrency slot (`limits.maxConcurrentRunsPerTenant` or
   * `maxConcurrentRunsPerWorkflow` is reached): the instance is `queued` until a slot frees,
   * then the run begins as `run` says (`execution_started`, `execution_retried` or
   * `execution_resumed` follows). A start keeps what it was asked for here, so a start whose
   * process stopped while it waited begins as asked when it is resumed.
   */
  execution_queued: z.object({
    /** What begins once a slot frees: a fresh start, a retry, a resume or a wake-up. */
    run: z.enum(['start', 'retry', 'resume', 'wake']),
    /** A start's run variables (its input is the instance's `input_data`). */
    variables: z.record(z.string(), z.unknown()).optional(),
    /** A start's `until`. */
    until: z.string().optional(),
    /** A start's `startAt`. */
    start_at: z.string().optional(),
  }),
  /** A run began: fired once, before any step starts. */
  execution_started: z.object({
    input_data: z.record(z.string(), z.unknown()),
    /** Run variables the run starts with. */
    variables: z.record(z.string(), z.unknown()),
    total_steps: z.number().int().min(0),
    /** The run runs this step and its ancestors only (`executeWorkflow`'s `until`). */
    until: z.string().optional(),
    /** The one entry step the run starts at (`startAt`, or the trigger that fired). */
    start_at: z.string().optional(),
  }),
  /** A step's attempt began; `input_data` holds its resolved parameters. */
  step_started: z.object({
    attempt: z.number().int().min(1),
    input_data: z.record(z.string(), z.unknown()).optional(),
  }),
  /** A step succeeded and its output handles were chosen. */
  step_completed: z.object({
    output_data: z.unknown(),
    output_handles: z.array(z.string()),
    duration_ms: z.number().min(0),
    attempts: z.number().int().min(1),
    set_variables: z.record(z.string(), z.unknown()).optional(),
  }),
  /** A step failed for good; `output_handles` is `['error']` when its error branch takes over. */
  step_failed: z.object({
    error: ErrorDataSchema,
    attempts: z.number().int().min(1),
    duration_ms: z.number().min(0),
    output_handles: z.array(z.string()),
    output_data: z.unknown().optional(),
  }),
  /**
   * A step began to wait: until `wake_at` (ISO), for a resume request (`resume`), or, with
   * neither, for the sub-workflows it started. Its attempt continues when it wakes.
   */
  step_waiting: z.object({
    wake_at: z.string().optional(),
    resume: z.boolean(),
  }),
  /**
   * A waiting step woke and runs on: `data` is what a resume request sent (it becomes the
   * step's output); absent when its time came (or its sub-workflows moved on).
   */
  step_resumed: z.object({
    data: z.unknown().optional(),
  }),
  /** A step's attempt failed and another will follow after `delay_ms`. */
  step_retrying: z.object({
    attempt: z.number().int().min(1),
    delay_ms: z.number().min(0),
    error: ErrorDataSchema,
  }),
  /**
   * A step will not run: its branch was not taken (`branch_not_taken`), no entry step reaches
   * it (`unreachable`), the run stops at a step it does not lead to (`not_needed`), it is an
   * entry step other than the one the run started at (`not_triggered`), or it is disabled
   * (`disabled`). A disabled step passes its input on: `output_data` and `output_handles` say
   * what it delivered.
   */
  step_skipped: z.object({
    reason: z.enum(['branch_not_taken', 'unreachable', 'not_needed', 'not_triggered', 'disabled']),
    output_data: z.unknown().optional(),
    output_handles: z.array(z.string()).optional(),
  }),
  /** A step or the engine wrote a log line. */
  log: z.object({
    level: LogLevelSchema,
    message: z.string(),
    data: z.unknown().optional(),
  }),
  /** The run ended with every step completed or skipped. */
  execution_completed: z.object({
    duration_ms: z.number().min(0),
    progress: z.object({ completed: z.number().int(), total: z.number().int() }),
  }),
  /** The run ended because a step failed with no error branch to take over. */
  execution_failed: z.object({
    duration_ms: z.number().min(0),
    error: ErrorInfoSchema,
  }),
  /** The run was stopped before it ended. */
  execution_cancelled: z.object({
    duration_ms: z.number().min(0),
    reason: z.string(),
  }),
  /**
   * The process running it shut down (a restart or deploy) before the run ended. Not final: the
   * run resumes when a server starts on its store, re-running the steps that were in flight.
   */
  execution_interrupted: z.object({
    duration_ms: z.number().min(0),
    reason: z.string(),
  }),
  /**
   * Nothing runs and `step_ids` wait: the run is `waiting` and no process holds it. It
   * continues (`execution_resumed`) at `wake_at`, the earliest time one of them wakes, or when
   * a resume request or a sub-workflow's end wakes one; without `wake_at`, only then.
   */
  execution_waiting: z.object({
    duration_ms: z.number().min(0),
    wake_at: z.string().optional(),
    step_ids: z.array(z.string()),
  }),
  /**
   * A run a process left unfinished (interrupted, or killed), or a waiting run that woke,
   * continues in this one, from its journal: finished steps are kept, the steps that were in
   * flight run again.
   */
  execution_resumed: z.object({
    /** Steps whose attempt was in flight when the previous process stopped: they run it again. */
    step_ids: z.array(z.string()),
  }),
  /**
   * A failed or cancelled run is run again from where it stopped: `step_ids` (its failed and
   * cancelled steps and every finished step downstream of them) are pending again; the other
   * steps keep their outputs. Attempt numbers continue.
   */
  execution_retried: z.object({
    step_ids: z.array(z.string()),
  }),
} as const;

/** Every event type, in the order a run usually emits them. */
export type ExecutionEventType = keyof typeof ExecutionEventDataSchemas;

/** Every event type. */
export const EXECUTION_EVENT_TYPES = Object.keys(ExecutionEventDataSchemas) as ExecutionEventType[];

/** Each event type's payload. */
export type ExecutionEventMap = {
  [K in ExecutionEventType]: z.infer<(typeof ExecutionEventDataSchemas)[K]>;
};

function eventSchema<K extends ExecutionEventType>(eventType: K) {
  return z.object({
    /** Position in the instance's history: 1, 2, 3, ... with no gaps. */
    seq: z.number().int().min(1),
    event_type: z.literal(eventType),
    instance_id: z.string(),
    /** The step it concerns, for step events and step logs. */
    step_id: z.string().optional(),
    /** ISO time it happened. */
    timestamp: z.string(),
    data: ExecutionEventDataSchemas[eventType] as (typeof ExecutionEventDataSchemas)[K],
  });
}

/** One event of a run, as emitted, stored and sent over the WebSocket. */
export const ExecutionEventSchema = z.discriminatedUnion('event_type', [
  eventSchema('execution_queued'),
  eventSchema('execution_started'),
  eventSchema('step_started'),
  eventSchema('step_completed'),
  eventSchema('step_failed'),
  eventSchema('step_waiting'),
  eventSchema('step_resumed'),
  eventSchema('step_retrying'),
  eventSchema('step_skipped'),
  eventSchema('log'),
  eventSchema('execution_completed'),
  eventSchema('execution_failed'),
  eventSchema('execution_cancelled'),
  eventSchema('execution_interrupted'),
  eventSchema('execution_waiting'),
  eventSchema('execution_resumed'),
  eventSchema('execution_retried'),
]);

/** One event of a run. */
export type ExecutionEvent = z.infer<typeof ExecutionEventSchema>;

/** The event of one type, e.g. `ExecutionEventOf<'step_completed'>`. */
export type ExecutionEventOf<K extends ExecutionEventType> = Extract<
  ExecutionEvent,
  { event_type: K }
>;
