import {
  type CodeRunRequest,
  type CodeRunResult,
  type CodeSandbox,
  ErrorCode,
  FlowloomError,
} from '@flowloom/core';
import { SandboxWorker } from './SandboxWorker';
import type { SandboxAnswer, SandboxRunMessage } from './sandboxProtocol';
import { checkGlobals, serializeGlobals } from './serializeGlobals';

/** How a {@link CodeSandboxPool} runs code; `createCodeSandbox` fills it from its options. */
export interface CodeSandboxPoolOptions {
  /** Finds the worker script; called when the first worker starts. */
  locateScript: () => string;
  /** Worker threads running code at once. */
  workers: number;
  /** QuickJS's stack limit, in bytes. */
  stackSizeBytes: number;
  /** Memory a run may use when its request gives no limit. */
  memoryLimitBytes: number;
  /** Largest output of a run, as JSON, when its request gives no limit. */
  maxOutputBytes: number;
  /** Largest `globals` of a run, as JSON, when its request gives no limit. */
  maxInputBytes: number;
  /** Runs that may wait for a worker; more are answered `CODE_SANDBOX_BUSY`. */
  maxQueuedRuns: number;
  /** Deepest nesting a run's output may have. */
  maxOutputDepth: number;
  /** How long past its timeout a run may go unanswered before its worker is killed. */
  graceMs: number;
  /** Extra time a worker's first run gets, while the worker compiles the WebAssembly. */
  startupGraceMs: number;
}

interface QueuedRun {
  /** Positive; names the run to its worker. */
  id: number;
  /** The request as it came: its globals are serialized only when a worker takes it. */
  request: CodeRunRequest;
  resolve: (answer: SandboxAnswer) => void;
  /** The worker running it, once it left the queue. */
  worker?: SandboxWorker;
}

const CANCELLED = { code: ErrorCode.CANCELLED, message: 'The run was stopped before the code ran' };
const CLOSED = { code: ErrorCode.CANCELLED, message: 'The code sandbox was closed' };

/**
 * A {@link CodeSandbox} over a pool of worker threads: a run goes to an idle worker (started on
 * first need), or waits in a bounded queue while every worker is busy.
 *
 * @remarks A waiting run holds references to its data, never a copy: the data is measured when
 * the run arrives and serialized only when a worker takes it, so at most one serialized copy per
 * worker exists at a time.
 */
export class CodeSandboxPool implements CodeSandbox {
  readonly #options: CodeSandboxPoolOptions;
  #workers: SandboxWorker[] = [];
  readonly #queue: QueuedRun[] = [];
  #script: string | undefined;
  #lastId = 0;
  #closed = false;

  constructor(options: CodeSandboxPoolOptions) {
    this.#options = options;
  }

  async run(request: CodeRunRequest): Promise<CodeRunResult> {
    checkRequest(request);
    if (this.#closed) return { ok: false, error: CLOSED, logs: [] };
    if (request.signal?.aborted) return { ok: false, error: CANCELLED, logs: [] };
    const refused = checkGlobals(request.globals, this.#maxInputBytes(request));
    if (refused) return { ok: false, error: refused, logs: [] };
    this.#lastId = (this.#lastId % 0x7fff_ffff) + 1;
    return toResult(await this.#schedule(this.#lastId, request));
  }

  /** Terminates every worker; runs in flight or queued are answered `CANCELLED`. */
  async close(): Promise<void> {
    this.#closed = true;
    for (const queued of this.#queue.splice(0))
      queued.resolve({ ok: false, error: CLOSED, logs: [] });
    const workers = this.#workers;
    this.#workers = [];
    await Promise.all(workers.map((worker) => worker.terminate(CLOSED)));
  }

  #schedule(id: number, request: CodeRunRequest): Promise<SandboxAnswer> {
    const { signal } = request;
    return new Promise((resolve) => {
      const onAbort = (): void => this.#abort(queued);
      const queued: QueuedRun = {
        id,
        request,
        resolve: (answer) => {
          signal?.removeEventListener('abort', onAbort);
          resolve(answer);
        },
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.#queue.push(queued);
      this.#dispatch();
      // Still waiting past the queue's bound: every worker is busy. It is the newest, so the
      // last; the runs before it keep their places.
      if (this.#queue.length > this.#options.maxQueuedRuns && this.#queue.at(-1) === queued) {
        this.#queue.pop();
        queued.resolve({ ok: false, error: this.#busy(), logs: [] });
      }
    });
  }

  #abort(queued: QueuedRun): void {
    if (queued.worker) {
      queued.worker.abort(queued.id);
      return;
    }
    const index = this.#queue.indexOf(queued);
    if (index >= 0) this.#queue.splice(index, 1);
    queued.resolve({ ok: false, error: CANCELLED, logs: [] });
  }

  #dispatch(): void {
    this.#workers = this.#workers.filter((worker) => worker.alive);
    while (this.#queue.length > 0 && !this.#closed) {
      const worker = this.#workers.find((candidate) => candidate.idle) ?? this.#startWorker();
      if (!worker) return;
      const queued = this.#queue.shift() as QueuedRun;
      const message = this.#messageOf(queued);
      if ('failure' in message) {
        queued.resolve({ ok: false, error: message.failure, logs: [] });
        continue;
      }
      queued.worker = worker;
      void worker.run(message).then((answer) => {
        queued.resolve(answer);
        this.#dispatch();
      });
    }
  }

  /** The run as its worker gets it: serialized now, as the worker takes it, not while queued. */
  #messageOf(
    queued: QueuedRun,
  ): SandboxRunMessage | { failure: { code: string; message: string } } {
    const { request } = queued;
    const globals = serializeGlobals(request.globals, this.#maxInputBytes(request));
    if ('failure' in globals) return globals;
    return {
      type: 'run',
      id: queued.id,
      code: request.code,
      globalsJson: globals.json,
      timeoutMs: request.timeoutMs,
      memoryLimitBytes: request.memoryLimitBytes ?? this.#options.memoryLimitBytes,
      maxOutputBytes: request.maxOutputBytes ?? this.#options.maxOutputBytes,
    };
  }

  #maxInputBytes(request: CodeRunRequest): number {
    return request.maxInputBytes ?? this.#options.maxInputBytes;
  }

  #busy(): { code: string; message: string } {
    const { workers, maxQueuedRuns } = this.#options;
    return {
      code: ErrorCode.CODE_SANDBOX_BUSY,
      message:
        `The code sandbox is busy: its ${workers} worker(s) are running code and ` +
        `${maxQueuedRuns} more runs are waiting. Try again shortly.`,
    };
  }

  /** A new worker when the pool has room; when the script cannot be found, answers the queue. */
  #startWorker(): SandboxWorker | undefined {
    if (this.#workers.length >= this.#options.workers) return undefined;
    try {
      this.#script ??= this.#options.locateScript();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const failure = { code: ErrorCode.NOT_CONFIGURED, message };
      for (const queued of this.#queue.splice(0))
        queued.resolve({ ok: false, error: failure, logs: [] });
      return undefined;
    }
    const worker = new SandboxWorker({
      script: this.#script,
      stackSizeBytes: this.#options.stackSizeBytes,
      maxOutputDepth: this.#options.maxOutputDepth,
      memoryLimitBytes: this.#options.memoryLimitBytes,
      graceMs: this.#options.graceMs,
      startupGraceMs: this.#options.startupGraceMs,
    });
    this.#workers.push(worker);
    return worker;
  }
}

function checkRequest(request: CodeRunRequest): void {
  const problems: string[] = [];
  if (typeof request.code !== 'string') problems.push('code must be a string');
  if (!isPositive(request.timeoutMs)) problems.push('timeoutMs must be a positive number');
  for (const limit of ['memoryLimitBytes', 'maxOutputBytes', 'maxInputBytes'] as const) {
    if (request[limit] !== undefined && !isPositive(request[limit]))
      problems.push(`${limit} must be a positive number when given`);
  }
  if (problems.length > 0) {
    throw new FlowloomError(
      ErrorCode.VALIDATION_FAILED,
      `Invalid code run: ${problems.join('; ')}`,
      {
        issues: problems.map((message) => ({ path: message.split(' ')[0] ?? '', message })),
      },
    );
  }
}

function isPositive(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0;
}

/** The worker's answer as a run result; the JSON text is parsed here, on the host. */
function toResult(answer: SandboxAnswer): CodeRunResult {
  if (!answer.ok) return answer;
  try {
    return { ok: true, value: JSON.parse(answer.json, dropProtoKeys), logs: answer.logs };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const message = `The code's output could not be read: ${reason}`;
    return { ok: false, error: { code: ErrorCode.CODE_ERROR, message }, logs: answer.logs };
  }
}

/**
 * Drops `__proto__` keys from the parsed output: `JSON.parse` keeps them as plain data, but code
 * downstream that copies the output key by key (`target[key] = value`) would set a prototype.
 */
function dropProtoKeys(key: string, value: unknown): unknown {
  return key === '__proto__' ? undefined : value;
}
