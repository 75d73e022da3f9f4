import {
  type CodeRunRequest,
  type CodeRunResult,
  type CodeSandbox,
  ErrorCode,
  FlowloomError,
} from '@flowloom/core';
import { SandboxWorker } from './SandboxWorker';
import type { SandboxAnswer, SandboxRunMessage } from './sandboxProtocol';

/** How a {@link CodeSandboxPool} runs code; `createCodeSandbox` fills it from its options. */
export interface CodeSandboxPoolOptions {
  /** Finds the worker script; called when the first worker starts. */
  locateScript: () => string;
  /** Worker threads running code at once. */
  workers: number;
  /** QuickJS's stack limit, in bytes. */
  stackSizeBytes: number;
  /** Memory a run may use when its request gives no usable limit. */
  defaultMemoryLimitBytes: number;
  /** Deepest nesting a run's output may have. */
  maxOutputDepth: number;
  /** How long past its timeout a run may go unanswered before its worker is killed. */
  graceMs: number;
  /** Extra time a worker's first run gets, while the worker compiles the WebAssembly. */
  startupGraceMs: number;
}

interface QueuedRun {
  message: SandboxRunMessage;
  resolve: (answer: SandboxAnswer) => void;
  /** The worker running it, once it left the queue. */
  worker?: SandboxWorker;
}

const CANCELLED = { code: ErrorCode.CANCELLED, message: 'The run was stopped before the code ran' };
const CLOSED = { code: ErrorCode.CANCELLED, message: 'The code sandbox was closed' };

/**
 * A {@link CodeSandbox} over a pool of worker threads: a run goes to an idle worker (started on
 * first need), or waits in a queue while every worker is busy.
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
    let globalsJson: string;
    try {
      globalsJson = JSON.stringify(request.globals);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      const message = `The data handed to the code is not JSON: ${reason}`;
      return { ok: false, error: { code: ErrorCode.CODE_ERROR, message }, logs: [] };
    }
    this.#lastId = (this.#lastId % 0x7fff_ffff) + 1;
    const answer = await this.#schedule(
      {
        type: 'run',
        id: this.#lastId,
        code: request.code,
        globalsJson,
        timeoutMs: request.timeoutMs,
        memoryLimitBytes:
          request.memoryLimitBytes > 0
            ? request.memoryLimitBytes
            : this.#options.defaultMemoryLimitBytes,
        maxOutputBytes: request.maxOutputBytes,
      },
      request.signal,
    );
    return toResult(answer);
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

  #schedule(message: SandboxRunMessage, signal: AbortSignal | undefined): Promise<SandboxAnswer> {
    return new Promise((resolve) => {
      const onAbort = (): void => this.#abort(queued);
      const queued: QueuedRun = {
        message,
        resolve: (answer) => {
          signal?.removeEventListener('abort', onAbort);
          resolve(answer);
        },
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.#queue.push(queued);
      this.#dispatch();
    });
  }

  #abort(queued: QueuedRun): void {
    if (queued.worker) {
      queued.worker.abort(queued.message.id);
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
      queued.worker = worker;
      void worker.run(queued.message).then((answer) => {
        queued.resolve(answer);
        this.#dispatch();
      });
    }
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
  if (!isPositive(request.maxOutputBytes))
    problems.push('maxOutputBytes must be a positive number');
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
