import type { ErrorCode } from '@flowloom/core';
import type {
  QuickJSContext,
  QuickJSHandle,
  QuickJSRuntime,
  QuickJSWASMModule,
} from 'quickjs-emscripten-core';
import { Scope } from 'quickjs-emscripten-core';
import { exceedsJsonDepth } from './exceedsJsonDepth';
import { type GuestLogCollector, MAX_LOG_LINE_CHARS } from './GuestLogCollector';
import { GUEST_PRELUDE } from './guestPrelude';
import type { SandboxAnswer, SandboxRunMessage } from './sandboxProtocol';

// Literal codes: the worker must not load @flowloom/core (and zod) just for a table.
const CODE_ERROR = 'CODE_ERROR' satisfies ErrorCode;
const CODE_TIMEOUT = 'CODE_TIMEOUT' satisfies ErrorCode;
const CODE_MEMORY_LIMIT = 'CODE_MEMORY_LIMIT' satisfies ErrorCode;
const OUTPUT_TOO_LARGE = 'OUTPUT_TOO_LARGE' satisfies ErrorCode;
const CANCELLED = 'CANCELLED' satisfies ErrorCode;

/** The file name QuickJS gives the user's code in stack traces. */
const USER_CODE_FILE = 'code.js';
/**
 * How close to its cap the module's memory is when a failed run counts as out of memory whatever
 * it threw: QuickJS may then have had no room left to make its own error. (A module is dropped
 * after a run that grew its memory, so a full one was filled by this run.)
 */
const FULL_MARGIN_BYTES = 4 * 1024 * 1024;
/** Longest error message passed on, in characters: a thrown string may be megabytes. */
const MAX_ERROR_CHARS = 2_000;

/** How the worker runs guest code. */
export interface QuickJSRunOptions {
  /** The most the module's WebAssembly memory can grow to, in bytes. */
  memoryCapBytes: number;
  /** QuickJS's stack limit, in bytes. */
  stackSizeBytes: number;
  /** Deepest nesting of arrays and objects the output may have. */
  maxOutputDepth: number;
  /** Whether the main thread asked to stop this run; polled by the interrupt handler. */
  isAborted(): boolean;
}

type Phase = 'setup' | 'compile' | 'run' | 'serialize';

/** The guest threw (or was interrupted) in one phase of the run. */
class GuestThrew {
  constructor(
    readonly phase: Phase,
    readonly error: QuickJSHandle,
  ) {}
}

/** The host refused the result (too large, too deep, a promise that never settled). */
class RunRefused {
  constructor(readonly error: { code: string; message: string }) {}
}

/**
 * Runs one piece of user code in a fresh QuickJS runtime and context of `module`, within the
 * run's time, memory and output limits, and answers how it ended. Throws only on a host error
 * (the module may then be unusable: the caller makes a new one).
 *
 * @remarks Every handle is disposed before the runtime: QuickJS aborts the whole module when a
 * runtime is freed with live objects.
 */
export function runInQuickJS(
  module: QuickJSWASMModule,
  run: SandboxRunMessage,
  options: QuickJSRunOptions,
  logs: GuestLogCollector,
): SandboxAnswer {
  const runtime = module.newRuntime();
  let stop: 'timeout' | 'abort' | undefined;
  const deadline = performance.now() + run.timeoutMs;
  runtime.setInterruptHandler(() => {
    if (options.isAborted()) stop ??= 'abort';
    else if (performance.now() > deadline) stop ??= 'timeout';
    return stop !== undefined;
  });
  runtime.setMaxStackSize(options.stackSizeBytes);
  const context = runtime.newContext();
  // Set after the context exists, so a tiny limit fails the run rather than the host.
  runtime.setMemoryLimit(run.memoryLimitBytes);
  const scope = new Scope();
  try {
    const json = evaluate(runtime, context, scope, run, logs);
    const refused = checkOutput(json, run, options);
    return refused
      ? { ok: false, error: refused, logs: logs.lines() }
      : { ok: true, json, logs: logs.lines() };
  } catch (thrown) {
    if (thrown instanceof RunRefused) return { ok: false, error: thrown.error, logs: logs.lines() };
    if (!(thrown instanceof GuestThrew)) throw thrown;
    // Describing the error allocates: give room above the limit the guest may have just hit
    // (bounded still, since reading a thrown value can run the guest's getters).
    runtime.setMemoryLimit(run.memoryLimitBytes * 2);
    const full =
      module.getWasmMemory().buffer.byteLength > options.memoryCapBytes - FULL_MARGIN_BYTES;
    const error = describeFailure(context, thrown, stop, run, full);
    return { ok: false, error, logs: logs.lines() };
  } finally {
    scope.dispose();
    context.dispose();
    runtime.dispose();
  }
}

/** Prepares the context, runs the user's function, settles its promise, serializes the result. */
function evaluate(
  runtime: QuickJSRuntime,
  context: QuickJSContext,
  scope: Scope,
  run: SandboxRunMessage,
  logs: GuestLogCollector,
): string {
  const prelude = unwrap(scope, 'setup', context.evalCode(GUEST_PRELUDE, 'prelude.js', GLOBAL));
  const log = scope.manage(
    context.newFunction('log', (level, message) => {
      logs.add(readString(context, level), readString(context, message));
    }),
  );
  const kit = unwrap(
    scope,
    'setup',
    context.callFunction(
      prelude,
      context.undefined,
      log,
      scope.manage(context.newString(run.globalsJson)),
      scope.manage(context.newNumber(MAX_LOG_LINE_CHARS)),
    ),
  );
  const runFunction = scope.manage(context.getProp(kit, 'run'));
  const serialize = scope.manage(context.getProp(kit, 'serialize'));
  const userFunction = unwrap(
    scope,
    'compile',
    context.evalCode(wrapUserCode(run.code), USER_CODE_FILE, GLOBAL),
  );
  const promise = unwrap(
    scope,
    'run',
    context.callFunction(runFunction, context.undefined, userFunction),
  );
  const jobs = runtime.executePendingJobs();
  if (jobs.error) throw new GuestThrew('run', scope.manage(jobs.error));
  const state = context.getPromiseState(promise);
  if (state.type === 'pending') {
    throw new RunRefused({
      code: CODE_ERROR,
      message:
        'The code awaited something that never settled: the sandbox has no timers and no I/O',
    });
  }
  if (state.type === 'rejected') throw new GuestThrew('run', scope.manage(state.error));
  const value = scope.manage(state.value);
  const serialized = unwrap(
    scope,
    'serialize',
    context.callFunction(
      serialize,
      context.undefined,
      value,
      scope.manage(context.newNumber(run.maxOutputBytes)),
    ),
  );
  if (context.typeof(serialized) === 'number') throw new RunRefused(tooLarge(run));
  return context.getString(serialized);
}

/** Evaluate as a script, never as a module: an `import` statement is a syntax error. */
const GLOBAL = { type: 'global' } as const;

/**
 * Wraps the user's code as the body of an async function (so `await` works) of `input`, `steps`
 * and `vars`. The body starts on line 2: QuickJS's line numbers are one more than the user's.
 */
function wrapUserCode(code: string): string {
  return `(async function (input, steps, vars) {\n${code}\n})`;
}

function unwrap(
  scope: Scope,
  phase: Phase,
  result: ReturnType<QuickJSContext['evalCode']>,
): QuickJSHandle {
  if (result.error) throw new GuestThrew(phase, scope.manage(result.error));
  return scope.manage(result.value);
}

function readString(context: QuickJSContext, handle: QuickJSHandle | undefined): string {
  return handle && context.typeof(handle) === 'string' ? context.getString(handle) : '';
}

/** Refuses output over the byte or depth limit; `undefined` when it is within both. */
function checkOutput(
  json: string,
  run: SandboxRunMessage,
  options: QuickJSRunOptions,
): { code: string; message: string } | undefined {
  if (Buffer.byteLength(json, 'utf8') > run.maxOutputBytes) return tooLarge(run);
  if (exceedsJsonDepth(json, options.maxOutputDepth)) {
    const message = `The code returned data nested deeper than ${options.maxOutputDepth} levels`;
    return { code: CODE_ERROR, message };
  }
  return undefined;
}

function tooLarge(run: SandboxRunMessage): { code: string; message: string } {
  return {
    code: OUTPUT_TOO_LARGE,
    message: `The code returned more than ${run.maxOutputBytes} bytes of JSON`,
  };
}

/** A thrown value as the host reads it: an Error's parts, or the value itself. */
interface ThrownValue {
  name?: unknown;
  message?: unknown;
  stack?: unknown;
}

function describeFailure(
  context: QuickJSContext,
  failure: GuestThrew,
  stop: 'timeout' | 'abort' | undefined,
  run: SandboxRunMessage,
  memoryFull: boolean,
): { code: string; message: string } {
  if (stop === 'abort')
    return { code: CANCELLED, message: 'The run was stopped while the code ran' };
  if (stop === 'timeout') {
    return {
      code: CODE_TIMEOUT,
      message: `The code ran longer than its ${run.timeoutMs} ms limit`,
    };
  }
  const thrown = readThrown(context, failure.error);
  const outOfMemory =
    isError(thrown) && thrown.name === 'InternalError' && thrown.message === 'out of memory';
  if (outOfMemory || (memoryFull && !isError(thrown))) {
    const mebibytes = Math.round((run.memoryLimitBytes / 1024 / 1024) * 10) / 10;
    return {
      code: CODE_MEMORY_LIMIT,
      message: `The code ran out of memory (its limit is ${mebibytes} MiB)`,
    };
  }
  return { code: CODE_ERROR, message: cap(describeThrown(thrown, failure.phase)) };
}

function describeThrown(thrown: unknown, phase: Phase): string {
  if (!isError(thrown)) return `The code threw ${printable(thrown)}`;
  const name = typeof thrown.name === 'string' && thrown.name ? thrown.name : 'Error';
  const message = thrown.message as string;
  // The prelude's own refusals are written for the user already.
  if (phase === 'serialize' && name === 'NotJson') return message;
  if (phase === 'setup') return `The sandbox could not hand the data to the code: ${message}`;
  const line = userLineOf(thrown.stack);
  const at = line === undefined ? '' : ` (line ${line})`;
  if (name === 'InternalError' && message === 'stack overflow') {
    return `Stack overflow: the code recursed or nested too deeply${at}`;
  }
  if (phase === 'serialize')
    return `The code's result could not be turned into JSON: ${name}: ${message}${at}`;
  return `${name}: ${message}${at}`;
}

function isError(value: unknown): value is ThrownValue & { message: string } {
  return (
    value !== null &&
    typeof value === 'object' &&
    typeof (value as ThrownValue).message === 'string'
  );
}

/** The user's line where the error happened: the first frame in the user's code. */
function userLineOf(stack: unknown): number | undefined {
  if (typeof stack !== 'string') return undefined;
  const match = /code\.js:(\d+)/.exec(stack);
  if (!match) return undefined;
  const line = Number(match[1]) - 1;
  return line >= 1 ? line : undefined;
}

function readThrown(context: QuickJSContext, handle: QuickJSHandle): unknown {
  try {
    return context.dump(handle);
  } catch {
    return '(a value that could not be read)';
  }
}

function printable(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

function cap(text: string): string {
  return text.length > MAX_ERROR_CHARS ? `${text.slice(0, MAX_ERROR_CHARS - 1)}…` : text;
}
