import type { CodeLogLine } from '@flowloom/core';

/** What the main thread hands a sandbox worker when it starts it. */
export interface SandboxWorkerData {
  /**
   * One Int32 shared with the main thread: it stores the id of a run to abort there, and the
   * worker's interrupt handler reads it, since a worker busy in QuickJS cannot read messages.
   */
  control: SharedArrayBuffer;
  /** QuickJS's own stack limit, in bytes. */
  stackSizeBytes: number;
  /** Deepest nesting of arrays and objects a run's output may have. */
  maxOutputDepth: number;
  /** The sandbox's memory limit: the worker readies its first module for it. */
  memoryLimitBytes: number;
}

/** One run, as the main thread posts it to a worker. */
export interface SandboxRunMessage {
  type: 'run';
  /** Positive; the worker's answer carries it back, and an abort names it in `control`. */
  id: number;
  code: string;
  /** `{ input, steps, vars }` as JSON text: parsed inside the guest, never as host objects. */
  globalsJson: string;
  timeoutMs: number;
  memoryLimitBytes: number;
  maxOutputBytes: number;
}

/** How a run ended inside the worker: the value stays JSON text until the main thread parses it. */
export type SandboxAnswer =
  | { ok: true; json: string; logs: CodeLogLine[] }
  | { ok: false; error: { code: string; message: string }; logs: CodeLogLine[] };

/** What a worker posts back. */
export type SandboxWorkerMessage =
  | { type: 'ready' }
  | { type: 'answer'; id: number; answer: SandboxAnswer };

/** The index in `control` where the main thread stores the id of the run to abort. */
export const ABORT_SLOT = 0;
