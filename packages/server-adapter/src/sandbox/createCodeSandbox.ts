import type { CodeSandbox } from '@flowloom/core';
import { z } from 'zod';
import { parseInput } from '../http/parseInput';
import { CodeSandboxPool } from './CodeSandboxPool';
import { locateSandboxWorker } from './locateSandboxWorker';

/** How long past its timeout a run may go unanswered before its worker is presumed stuck. */
const GRACE_MS = 2_000;
/** Extra time a worker's first run gets: compiling QuickJS's WebAssembly takes a moment. */
const STARTUP_GRACE_MS = 10_000;

const CodeSandboxOptionsSchema = z.strictObject({
  /**
   * Worker threads running code at once; more runs wait in a queue.
   * @default 1
   */
  workers: z.number().int().min(1).max(64).default(1),
  /**
   * QuickJS's stack limit, in bytes: how deeply code may recurse or nest. Each worker's own
   * stack is made 32 times larger, so QuickJS always runs out first.
   * @default 524288 (512 KiB)
   */
  stackSizeBytes: z
    .number()
    .int()
    .min(64 * 1024)
    .max(8 * 1024 * 1024)
    .default(512 * 1024),
  /**
   * Memory a run may use when its request gives no usable limit.
   * @default 67108864 (64 MiB)
   */
  defaultMemoryLimitBytes: z
    .number()
    .int()
    .min(1024 * 1024)
    .default(64 * 1024 * 1024),
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
 * its time (`CODE_TIMEOUT`), memory (`CODE_MEMORY_LIMIT`) and output (`OUTPUT_TOO_LARGE`)
 * limited; a worker that crashes or hangs is replaced. Workers start on the first run.
 *
 * @example
 * const sandbox = createCodeSandbox({ workers: 2 });
 * const engine = new ExecutionEngine({ sandbox });
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
    locateScript: locateSandboxWorker,
    graceMs: GRACE_MS,
    startupGraceMs: STARTUP_GRACE_MS,
  });
}
