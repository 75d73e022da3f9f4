import { z } from 'zod';
import {
  DEFAULT_MAX_EXPRESSION_LENGTH,
  DEFAULT_MAX_STEP_OUTPUT_BYTES,
} from './expressionLimitDefaults';

const MIB = 1024 * 1024;

/**
 * Every bound on what end users can make the engine and the server do. Each has a default, can
 * be changed through the `limits` option of the engine and of `createWorkflowServer`, and is
 * enforced with an error that names it.
 */
export const WorkflowLimitsSchema = z.object({
  /** Nodes in one workflow document. @default 5000 */
  maxNodes: z.number().int().min(1).default(5_000),
  /** Edges in one workflow document. @default 20000 */
  maxEdges: z.number().int().min(0).default(20_000),
  /** Characters in one `{{ ... }}` expression. @default 10000 */
  maxExpressionLength: z.number().int().min(1).default(DEFAULT_MAX_EXPRESSION_LENGTH),
  /** Nesting of any JSON the API reads and of any step output. @default 64 */
  maxJsonDepth: z.number().int().min(1).max(10_000).default(64),
  /** A step's output or an expression's result, as serialized JSON, in bytes. @default 1048576 (1 MiB) */
  maxStepOutputBytes: z.number().int().min(1).default(DEFAULT_MAX_STEP_OUTPUT_BYTES),
  /** All events one run stores, as serialized JSON, in bytes. @default 67108864 (64 MiB) */
  maxRunEventBytes: z
    .number()
    .int()
    .min(1)
    .default(64 * MIB),
  /**
   * Versions one saved workflow keeps: a save past it deletes the oldest in the same write,
   * never the active one (its triggers' version). @default 100
   */
  maxVersionsPerWorkflow: z.number().int().min(1).default(100),
  /** Log lines one run keeps; past it the oldest are dropped, with one notice. @default 10000 */
  maxLogLinesPerRun: z.number().int().min(1).default(10_000),
  /** Runs one server (or engine) executes at once; more are refused `TOO_MANY_RUNS`. @default 100 */
  maxConcurrentRuns: z.number().int().min(1).default(100),
  /**
   * Runs of one tenant (an instance's `tenant_id`) that execute at once, across every process
   * sharing the concurrency gate (one process's memory by default; Redis in queue mode). Runs
   * past it wait `queued` and begin in order as others end. Instances without a tenant and
   * sub-workflow runs (they run within their parent's slot) are not counted.
   * @default unlimited
   */
  maxConcurrentRunsPerTenant: z.number().int().min(1).optional(),
  /**
   * Runs of one saved workflow (an instance's `workflow_id`) that execute at once; as
   * `maxConcurrentRunsPerTenant`, runs past it wait `queued`. Instances made from a document
   * (no `workflow_id`) are not counted.
   * @default unlimited
   */
  maxConcurrentRunsPerWorkflow: z.number().int().min(1).optional(),
  /**
   * Levels of sub-workflows under a run (`sub_workflow`, `for_each`), a workflow calling itself
   * included; one more fails `MAX_DEPTH_EXCEEDED`. @default 10
   */
  maxWorkflowDepth: z.number().int().min(0).max(1_000).default(10),
  /** Items one `for_each` step runs; more fail `TOO_MANY_ITEMS`. @default 10000 */
  maxItems: z.number().int().min(1).default(10_000),
  /**
   * Runs in one tree: a root run and every sub-workflow run under it (`sub_workflow`,
   * `for_each` items, their own children), the root included. A step that would start one
   * more fails `TOO_MANY_RUNS_IN_TREE`. Bounds what one run can fan out to, where
   * `maxWorkflowDepth` bounds only how deep it nests. @default 1000
   */
  maxRunsPerTree: z.number().int().min(1).default(1_000),
  /**
   * The shortest time between two fires of one schedule trigger, in milliseconds: a cron that
   * fires more often (`* * * * * *`, every second, say) is refused at activation with the issue
   * `SCHEDULE_TOO_FREQUENT`, and a stored activation with one is not armed. 0 allows any.
   * @default 60000 (a minute: every 5-field cron passes)
   */
  minScheduleIntervalMs: z.number().int().min(0).default(60_000),
  /**
   * Execution-event WebSockets one user holds open at once (on a server without
   * `authenticate`, one client IP): one more is refused `TOO_MANY_CONNECTIONS` (429). An editor
   * opens one per run it follows. @default 32
   */
  maxWebSocketsPerUser: z.number().int().min(1).default(32),
  /**
   * Execution-event WebSockets one server holds open at once, whoever opens them: one more is
   * refused `TOO_MANY_CONNECTIONS` (429). @default 10000
   */
  maxWebSockets: z.number().int().min(1).default(10_000),
});

/** Every limit, defaults applied. */
export type WorkflowLimits = z.output<typeof WorkflowLimitsSchema>;
/** Limits as a host writes them: any subset. */
export type WorkflowLimitsInput = z.input<typeof WorkflowLimitsSchema>;

/** The default of every limit. */
export const DEFAULT_LIMITS: Readonly<WorkflowLimits> = Object.freeze(
  WorkflowLimitsSchema.parse({}),
);

/**
 * A host's limits with the defaults filled in.
 *
 * @throws ZodError for a limit that is not a whole number in range: a host's bug, named by path.
 */
export function resolveLimits(input: WorkflowLimitsInput | undefined): WorkflowLimits {
  if (input === undefined) return DEFAULT_LIMITS;
  return Object.freeze(WorkflowLimitsSchema.parse(input));
}
