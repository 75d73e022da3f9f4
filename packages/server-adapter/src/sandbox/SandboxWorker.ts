import { Worker } from 'node:worker_threads';
import { ErrorCode } from '@flowloom/core';
import {
  ABORT_SLOT,
  type SandboxAnswer,
  type SandboxRunMessage,
  type SandboxWorkerData,
  type SandboxWorkerMessage,
} from './sandboxProtocol';

/** How one sandbox worker is started and watched. */
export interface SandboxWorkerOptions {
  /** Path of the worker script. */
  script: string;
  /** QuickJS's stack limit, in bytes; the worker's own stack is made {@link V8_STACK_FACTOR}× it. */
  stackSizeBytes: number;
  /** Deepest nesting a run's output may have. */
  maxOutputDepth: number;
  /** The sandbox's memory limit for a run, in bytes (a run may ask for another). */
  memoryLimitBytes: number;
  /** How long past its timeout (or its abort) a run may go unanswered before the worker is killed. */
  graceMs: number;
  /** Extra time the worker's first run gets: the worker compiles the WebAssembly first. */
  startupGraceMs: number;
}

/**
 * QuickJS's parser and interpreter recurse on the worker's native stack as well as on their
 * own: with a V8 stack this many times QuickJS's limit, QuickJS reports its stack overflow as a
 * guest error before V8's runs out (which would leave the WebAssembly module unusable).
 */
export const V8_STACK_FACTOR = 32;

interface ActiveRun {
  id: number;
  timeoutMs: number;
  resolve: (answer: SandboxAnswer) => void;
  watchdog: ReturnType<typeof setTimeout>;
}

/**
 * One worker thread of a code sandbox: runs one piece of code at a time and answers every run,
 * even when the worker hangs (it is then terminated) or dies.
 */
export class SandboxWorker {
  readonly #worker: Worker;
  readonly #control: Int32Array;
  readonly #graceMs: number;
  readonly #startupGraceMs: number;
  #ready = false;
  #alive = true;
  #active: ActiveRun | undefined;

  constructor(options: SandboxWorkerOptions) {
    const control = new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT);
    this.#control = new Int32Array(control);
    this.#graceMs = options.graceMs;
    this.#startupGraceMs = options.startupGraceMs;
    const workerData: SandboxWorkerData = {
      control,
      stackSizeBytes: options.stackSizeBytes,
      maxOutputDepth: options.maxOutputDepth,
      memoryLimitBytes: options.memoryLimitBytes,
    };
    this.#worker = new Worker(options.script, {
      workerData,
      resourceLimits: {
        stackSizeMb: Math.max(4, Math.ceil((options.stackSizeBytes * V8_STACK_FACTOR) / 2 ** 20)),
      },
    });
    // An idle worker must not keep the host's process alive; a run in flight does.
    this.#worker.unref();
    this.#worker.on('message', (message: SandboxWorkerMessage) => this.#onMessage(message));
    this.#worker.on('error', (error) => this.#onGone(`it crashed: ${error.message}`));
    this.#worker.on('exit', (code) => this.#onGone(`it exited with code ${code}`));
  }

  /** Alive and running nothing. */
  get idle(): boolean {
    return this.#alive && this.#active === undefined;
  }

  /** False once the worker died or was terminated: the pool starts another. */
  get alive(): boolean {
    return this.#alive;
  }

  /** Runs one piece of code; resolves with the worker's answer or an error, never rejects. */
  run(message: SandboxRunMessage): Promise<SandboxAnswer> {
    if (!this.idle) throw new Error('SandboxWorker.run called while the worker is busy or gone');
    Atomics.store(this.#control, ABORT_SLOT, 0);
    return new Promise((resolve) => {
      const startup = this.#ready ? 0 : this.#startupGraceMs;
      this.#active = {
        id: message.id,
        timeoutMs: message.timeoutMs,
        resolve,
        watchdog: setTimeout(() => this.#onHung(), message.timeoutMs + this.#graceMs + startup),
      };
      this.#worker.ref();
      this.#worker.postMessage(message);
    });
  }

  /** Asks the worker to interrupt run `id`; kills the worker if it does not answer in time. */
  abort(id: number): void {
    const active = this.#active;
    if (active?.id !== id) return;
    Atomics.store(this.#control, ABORT_SLOT, id);
    this.#watch(active, this.#graceMs);
  }

  /** (Re)arms the run's watchdog: past `ms`, the worker is presumed stuck and terminated. */
  #watch(active: ActiveRun, ms: number): void {
    clearTimeout(active.watchdog);
    active.watchdog = setTimeout(() => this.#onHung(), ms);
  }

  /** Stops the worker; a run in flight is answered with `error`. */
  async terminate(error: { code: string; message: string }): Promise<void> {
    this.#alive = false;
    this.#finish({ ok: false, error, logs: [] });
    await this.#worker.terminate();
  }

  #onMessage(message: SandboxWorkerMessage): void {
    if (message.type === 'ready') {
      this.#ready = true;
      // The startup grace covered loading; from now on the run gets its timeout plus the grace.
      const active = this.#active;
      if (active && Atomics.load(this.#control, ABORT_SLOT) !== active.id) {
        this.#watch(active, active.timeoutMs + this.#graceMs);
      }
      return;
    }
    if (message.id === this.#active?.id) this.#finish(message.answer);
  }

  #onHung(): void {
    const active = this.#active;
    if (!active) return;
    const aborted = Atomics.load(this.#control, ABORT_SLOT) === active.id;
    void this.terminate(
      aborted
        ? { code: ErrorCode.CANCELLED, message: 'The run was stopped while the code ran' }
        : {
            code: ErrorCode.CODE_TIMEOUT,
            message: `The code did not stop after its ${active.timeoutMs} ms limit; its sandbox worker was replaced`,
          },
    );
  }

  #onGone(reason: string): void {
    this.#alive = false;
    this.#finish({
      ok: false,
      error: {
        code: ErrorCode.CODE_ERROR,
        message: `The code sandbox's worker stopped (${reason}); it was replaced`,
      },
      logs: [],
    });
  }

  #finish(answer: SandboxAnswer): void {
    const active = this.#active;
    if (!active) return;
    this.#active = undefined;
    clearTimeout(active.watchdog);
    this.#worker.unref();
    active.resolve(answer);
  }
}
