import { availableParallelism } from 'node:os';
import type { CodeSandbox } from '@flowloom/core';
import { z } from 'zod';
import { parseInput } from '../http/parseInput';
import { CodeSandboxPool } from './CodeSandboxPool';
import { locateSandboxWorker } from './locateSandboxWorker';

/** How long past its timeout a run may go unanswered before its worker is presumed stuck. */
const GRACE_MS = 2_000;
/** Extra time a worker's first run gets: compiling QuickJS's WebAssembly takes a moment. */
const STARTUP_GRACE_MS = 10_000;
const MIB = 1024 * 1024;
/** How many times the output cap the data handed in may be: a step reads several outputs. */
const INPUT_TO_OUTPUT_RATIO = 8;

const CodeSandboxOptionsSchema = z.strictObject({
  /**
   * Worker threads running code at once; more runs wait in a queue. At least 2, so that one
   * endless loop (held for up to its `timeout_ms`, at most 30 s) cannot stall every other
   * tenant's code steps; at most 4, since each worker holds its own QuickJS memory.
   * @default Math.max(2, Math.min(4, os.availableParallelism()))
   */
  workers: z.number().int().min(1).max(64).optional(),
  /**
   * Runs that may wait for a worker while every worker is busy; one more is answered
   * `CODE_SANDBOX_BUSY` at once, so a flood of runs cannot grow memory without bound.
   * @default 100
   */
  maxQueuedRuns: z.number().int().min(0).max(100_000).default(100),
  /**
   * QuickJS's stack limit, in bytes: how deeply code may recurse or nest. Each worker's own
   * stack is made 32 times larger, so QuickJS always runs out first.
   * @default 524288 (512 KiB)
   */
  stackSizeBytes: z
    .number()
    .int()
    .min(64 * 1024)
    .max(8 * MIB)
    .default(512 * 1024),
  /**
   * Memory a run may use (`CODE_MEMORY_LIMIT` above it), when its request sets none; the data
   * handed to the code counts towards it once parsed.
   * @default 67108864 (64 MiB)
   */
  memoryLimitBytes: z
    .number()
    .int()
    .min(MIB)
    .default(64 * MIB),
  /**
   * Largest output of a run, as JSON (`OUTPUT_TOO_LARGE` above it), when its request sets none.
   * `createWorkflowServer` passes its `limits.maxStepOutputBytes`.
   * @default 1048576 (1 MiB)
   */
  maxOutputBytes: z.number().int().min(1).default(MIB),
  /**
   * Largest data a run hands its code (`input`, `steps` and `vars`, as JSON; `INPUT_TOO_LARGE`
   * above it), when its request sets none. It is copied into a worker for each run: this bounds
   * the memory a run takes whatever the size of the run's earlier outputs.
   * @default 8 × maxOutputBytes (8 MiB)
   */
  maxInputBytes: z.number().int().min(1).optional(),
  /**
   * Deepest nesting of arrays and objects a run may return; deeper output fails with
   * `CODE_ERROR` before it reaches the server's (recursive) code.
   * @default 1000
   */
  maxOutputDepth: z.number().int().min(1).max(10_000).default(1_000),
});

/** Options of {@link createCodeSandbox}. */
export type CodeSandboxOptions = z.input<typeof CodeSandboxOptionsSchema>;

/**
 * Makes the sandbox that `code` steps run end users' JavaScript in: QuickJS compiled to
 * WebAssembly, inside `worker_threads` workers, never on the server's own thread. Each run gets
 * a fresh context that sees only `input`, `steps`, `vars` (as plain JSON) and `console`, with
 * its time (`CODE_TIMEOUT`), memory (`CODE_MEMORY_LIMIT`), data in (`INPUT_TOO_LARGE`) and
 * output (`OUTPUT_TOO_LARGE`) limited; a worker that crashes or hangs is replaced. Workers start
 * on first need; runs beyond the workers wait in a bounded queue (`CODE_SANDBOX_BUSY` past it).
 *
 * @example
 * // With an engine of your own, give the sandbox the engine's output limit.
 * const limits = { maxStepOutputBytes: 4 * 1024 * 1024 };
 * const sandbox = createCodeSandbox({ maxOutputBytes: limits.maxStepOutputBytes });
 * const engine = new ExecutionEngine({ limits, sandbox });
 * // ... on shutdown:
 * await sandbox.close?.();
 *
 * @remarks Call `close()` when done with it: it terminates the workers (idle ones do not keep
 * the process alive). The worker script is the package's `./code-sandbox-worker` export: a
 * bundler that inlines this package must ship that file too.
 * @throws FlowloomError `VALIDATION_FAILED` for invalid options.
 */
export function createCodeSandbox(options: CodeSandboxOptions = {}): CodeSandbox {
  const parsed = parseInput(CodeSandboxOptionsSchema, options, 'code sandbox options');
  return new CodeSandboxPool({
    ...parsed,
    workers: parsed.workers ?? defaultWorkers(),
    maxInputBytes: parsed.maxInputBytes ?? INPUT_TO_OUTPUT_RATIO * parsed.maxOutputBytes,
    locateScript: locateSandboxWorker,
    graceMs: GRACE_MS,
    startupGraceMs: STARTUP_GRACE_MS,
  });
}

/** 2 to 4 workers, by the CPUs this process may use: see the `workers` option. */
function defaultWorkers(): number {
  return Math.max(2, Math.min(4, availableParallelism()));
}
